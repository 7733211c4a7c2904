package dev.whitelabel.adapters.http;

/** What the HTTP adapter can be told: how large a request body may be. */
public record HttpSettings(long maxBodyBytes) {

    public static final long DEFAULT_MAX_BODY_BYTES = 64 * 1024;

    public HttpSettings {
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("the body limit is at least one byte");
        }
    }

    public static HttpSettings defaults() {
        return new HttpSettings(DEFAULT_MAX_BODY_BYTES);
    }
}
