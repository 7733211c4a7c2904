package dev.whitelabel.application;

import dev.whitelabel.domain.model.PlainTextToken;
import java.security.SecureRandom;

/** Draws secrets: base-62 characters from SecureRandom; a token's 40 are about 238 bits. */
final class TokenSecrets {

    private static final char[] ALPHABET =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();

    private final SecureRandom random = new SecureRandom();

    String next() {
        return next(PlainTextToken.SECRET_LENGTH);
    }

    String next(int length) {
        char[] secret = new char[length];
        for (int i = 0; i < secret.length; i++) {
            secret[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(secret);
    }
}
