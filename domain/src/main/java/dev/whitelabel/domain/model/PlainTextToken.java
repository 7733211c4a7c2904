package dev.whitelabel.domain.model;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A token as its owner holds it: {@code {id}|{secret}}. Shown once at creation, never stored;
 * {@link #toString()} hides the secret so a stray log line cannot leak it.
 */
public record PlainTextToken(long id, String secret) {

    public static final int SECRET_LENGTH = 40;
    private static final Pattern SHAPE = Pattern.compile("([1-9][0-9]{0,17})\\|([A-Za-z0-9]{" + SECRET_LENGTH + "})");

    public static Optional<PlainTextToken> parse(String presented) {
        if (presented == null || presented.length() > 19 + 1 + SECRET_LENGTH) {
            return Optional.empty();
        }
        var matcher = SHAPE.matcher(presented);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(new PlainTextToken(Long.parseLong(matcher.group(1)), matcher.group(2)));
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
