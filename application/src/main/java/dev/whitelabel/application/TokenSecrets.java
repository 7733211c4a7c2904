package dev.whitelabel.application;

import dev.whitelabel.domain.model.PlainTextToken;
import java.security.SecureRandom;

/** Draws token secrets: 40 base-62 characters from SecureRandom, about 238 bits. */
final class TokenSecrets {

    private static final char[] ALPHABET =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();

    private final SecureRandom random = new SecureRandom();

    String next() {
        char[] secret = new char[PlainTextToken.SECRET_LENGTH];
        for (int i = 0; i < secret.length; i++) {
            secret[i] = ALPHABET[random.nextInt(ALPHABET.length)];
        }
        return new String(secret);
    }
}
