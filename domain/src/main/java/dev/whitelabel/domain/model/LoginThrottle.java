package dev.whitelabel.domain.model;

import java.time.Duration;

/**
 * How many failed logins a platform takes, per email and per client address, within a sliding
 * window, before it refuses further attempts until the window has passed.
 */
public record LoginThrottle(int perEmail, int perIp, Duration window) {

    public static final LoginThrottle DEFAULT = new LoginThrottle(5, 100, Duration.ofMinutes(15));
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
