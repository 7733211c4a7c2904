package dev.whitelabel.adapters.http;

import java.time.Duration;

/** What the HTTP adapter can be told: how large a request body may be, how long a stop may wait. */
public record HttpSettings(long maxBodyBytes, Duration shutdownTimeout) {

    public static final long DEFAULT_MAX_BODY_BYTES = 64 * 1024;
    public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(10);

    public HttpSettings {
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("the body limit is at least one byte");
        }
        if (shutdownTimeout.isNegative()) {
            throw new IllegalArgumentException("a shutdown timeout is not negative");
        }
    }

    public static HttpSettings defaults() {
        return new HttpSettings(DEFAULT_MAX_BODY_BYTES, DEFAULT_SHUTDOWN_TIMEOUT);
    }
}
