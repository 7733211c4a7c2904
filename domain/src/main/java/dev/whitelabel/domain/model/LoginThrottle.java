package dev.whitelabel.domain.model;

import java.time.Duration;

/**
 * How many failed logins a platform takes, per email and per client address, within a sliding
 * window, before it refuses further attempts until the window has passed.
 */
public record LoginThrottle(int perEmail, int perIp, Duration window) {

    public static final int DEFAULT_PER_EMAIL = 5;
    public static final int DEFAULT_PER_IP = 100;
    public static final int DEFAULT_WINDOW_SECONDS = 900;
    public static final LoginThrottle DEFAULT =
            new LoginThrottle(DEFAULT_PER_EMAIL, DEFAULT_PER_IP, Duration.ofSeconds(DEFAULT_WINDOW_SECONDS));
    /** The most failures a limit may count: each login reads up to this many rows. */
    public static final int MAX_LIMIT = 10_000;

    public LoginThrottle {
        if (perEmail < 1 || perEmail > MAX_LIMIT || perIp < 1 || perIp > MAX_LIMIT) {
            throw new IllegalArgumentException("a login failure limit is between 1 and " + MAX_LIMIT);
        }
        if (window.toSeconds() < 1) {
            throw new IllegalArgumentException("a login failure window is at least one second");
        }
    }
}
