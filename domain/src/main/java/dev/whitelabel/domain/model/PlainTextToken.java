package dev.whitelabel.domain.model;

import java.util.Optional;

/**
 * A token as its owner holds it: {@code {id}|{secret}}. Shown once at creation, never stored;
 * {@link #toString()} hides the secret so a stray log line cannot leak it.
 */
public record PlainTextToken(long id, String secret) {

    public static final int SECRET_LENGTH = 40;
    private static final int MAX_ID_DIGITS = 18;

    /**
     * Reads {@code {id}|{secret}}: an id of 1 to 18 digits without a leading zero, then exactly 40
     * ASCII letters and digits. A scan rather than a regular expression: this runs on every request.
     */
    public static Optional<PlainTextToken> parse(String presented) {
        if (presented == null) {
            return Optional.empty();
        }
        int bar = presented.indexOf('|');
        if (bar < 1
                || bar > MAX_ID_DIGITS
                || presented.charAt(0) == '0'
                || presented.length() != bar + 1 + SECRET_LENGTH) {
            return Optional.empty();
        }
        long id = 0;
        for (int i = 0; i < bar; i++) {
            char c = presented.charAt(i);
            if (c < '0' || c > '9') {
                return Optional.empty();
            }
            id = id * 10 + (c - '0');
        }
        for (int i = bar + 1; i < presented.length(); i++) {
            char c = presented.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) {
                return Optional.empty();
            }
        }
        return Optional.of(new PlainTextToken(id, presented.substring(bar + 1)));
    }

    public String value() {
        return id + "|" + secret;
    }

    public TokenDigest digest() {
        return TokenDigest.of(secret);
    }

    @Override
    public String toString() {
        return "PlainTextToken[id=" + id + ", secret=<hidden>]";
    }
}
