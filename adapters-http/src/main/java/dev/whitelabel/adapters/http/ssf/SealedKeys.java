package dev.whitelabel.adapters.http.ssf;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals private keys for the database with the server's 256-bit key (AES-GCM, a random 96-bit nonce
 * each): whoever reads the database without the server key can neither read nor alter them. Sealed text
 * is {@code v1.} and the base64 of nonce and ciphertext.
 */
public final class SealedKeys {

    static final int KEY_BYTES = 32;
    private static final String VERSION = "v1.";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    /** @param serverKey 32 random bytes, the same on every instance over one database */
    public SealedKeys(byte[] serverKey) {
        if (serverKey.length != KEY_BYTES) {
            throw new IllegalArgumentException("the server key for signing keys is 32 bytes");
        }
        this.key = new SecretKeySpec(serverKey.clone(), "AES");
    }

    /** 32 new random bytes, for a server key. */
    public static byte[] newServerKey() {
        byte[] bytes = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

    String seal(String secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            byte[] whole = Arrays.copyOf(nonce, NONCE_BYTES + sealed.length);
            System.arraycopy(sealed, 0, whole, NONCE_BYTES, sealed.length);
            return VERSION + Base64.getEncoder().encodeToString(whole);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /** @throws IllegalStateException sealed with another server key, or altered */
    String open(String sealed) {
        if (!sealed.startsWith(VERSION)) {
            throw new IllegalStateException("not a sealed signing key");
        }
        byte[] whole = Base64.getDecoder().decode(sealed.substring(VERSION.length()));
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, whole, 0, NONCE_BYTES));
            return new String(cipher.doFinal(whole, NONCE_BYTES, whole.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "a signing key does not open with this server key: give every instance the same WHITELABEL_SSF_KEY");
        }
    }

    @Override
    public String toString() {
        return "SealedKeys[server key hidden]";
    }
}
