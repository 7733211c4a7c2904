package dev.whitelabel.domain.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The SHA-256 of a token secret: the only form in which a secret is kept at rest. */
public record TokenDigest(String hex) {

    private static final HexFormat HEX = HexFormat.of();
    // Looking the algorithm up costs more than hashing 40 characters; one instance a thread, reset per use.
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(TokenDigest::sha256);

    public TokenDigest {
        if (hex == null || hex.length() != 64) {
            throw new IllegalArgumentException("a token digest is 64 hex digits");
        }
    }

    public static TokenDigest of(String secret) {
        byte[] sha256 = SHA256.get().digest(secret.getBytes(StandardCharsets.US_ASCII));
        return new TokenDigest(HEX.formatHex(sha256));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Constant-time, so the time taken says nothing about how much of a guess was right. */
    public boolean matches(TokenDigest other) {
        return MessageDigest.isEqual(
                hex.getBytes(StandardCharsets.US_ASCII), other.hex.getBytes(StandardCharsets.US_ASCII));
    }
}
