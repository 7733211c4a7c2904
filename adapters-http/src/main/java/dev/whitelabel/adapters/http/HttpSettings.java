package dev.whitelabel.adapters.http;

import java.time.Duration;
import java.util.Optional;

/**
 * What the HTTP adapter can be told: how large a request body may be, how long it may take to
 * arrive and how many bytes of bodies may be kept at once, how many threads serve requests, how
 * long a stop may wait, the token a metrics scraper must present (without one, only loopback
 * clients may read /metrics), and the proxies whose X-Forwarded-For names the client.
 */
public record HttpSettings(
        long maxBodyBytes,
        Duration bodyTimeout,
        long maxBufferedBodyBytes,
        int maxThreads,
        Duration shutdownTimeout,
        Optional<String> metricsToken,
        TrustedProxies trustedProxies) {

    // The defaults the command line, the README and embedders share. The numbers are compile-time
    // constants so that picocli's default values can be built from them.
    public static final long DEFAULT_MAX_BODY_BYTES = 64 * 1024;
    public static final long DEFAULT_BODY_TIMEOUT_MILLIS = 10_000;
    public static final Duration DEFAULT_BODY_TIMEOUT = Duration.ofMillis(DEFAULT_BODY_TIMEOUT_MILLIS);
    /** An eighth of the heap: 32 MiB, some 500 bodies of the largest size, at -Xmx256m. */
    public static final long DEFAULT_MAX_BUFFERED_BODY_BYTES =
            Runtime.getRuntime().maxMemory() / 8;
    /**
     * Bodies arrive before a thread is given to a request, so a thread only ever waits for the
     * database; a few times the database pool keeps it busy and leaves threads for the routes that
     * need no database (health, metrics, the console) while the others wait.
     */
    public static final int DEFAULT_MAX_THREADS = 64;

    public static final long DEFAULT_SHUTDOWN_TIMEOUT_MILLIS = 10_000;
    public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofMillis(DEFAULT_SHUTDOWN_TIMEOUT_MILLIS);
    /**
     * How long {@code serve} keeps serving, {@code /ready} answering 503, after SIGTERM or SIGINT and
     * before its connectors close (see {@link HttpServer#stop(Duration)}): long enough for a load
     * balancer's readiness check to see it and send no more.
     */
    public static final long DEFAULT_DRAIN_MILLIS = 2_000;
    /** Jetty's own acceptor and selector take threads of the pool; fewer would leave none for requests. */
    public static final int MIN_THREADS = 8;

    public HttpSettings {
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("the body limit is at least one byte");
        }
        if (bodyTimeout.isNegative() || bodyTimeout.isZero()) {
            throw new IllegalArgumentException("a body timeout is positive");
        }
        if (maxBufferedBodyBytes < maxBodyBytes + 1) {
            throw new IllegalArgumentException("the bodies kept at once must hold one body of the largest size");
        }
        if (maxThreads < MIN_THREADS) {
            throw new IllegalArgumentException("the server needs at least " + MIN_THREADS + " threads");
        }
        if (shutdownTimeout.isNegative()) {
            throw new IllegalArgumentException("a shutdown timeout is not negative");
        }
        if (metricsToken.isPresent() && metricsToken.get().isBlank()) {
            throw new IllegalArgumentException("a metrics token is not blank");
        }
    }

    /** No proxy trusted. */
    public HttpSettings(
            long maxBodyBytes,
            Duration bodyTimeout,
            long maxBufferedBodyBytes,
            int maxThreads,
            Duration shutdownTimeout,
            Optional<String> metricsToken) {
        this(
                maxBodyBytes,
                bodyTimeout,
                maxBufferedBodyBytes,
                maxThreads,
                shutdownTimeout,
                metricsToken,
                TrustedProxies.NONE);
    }

    public static HttpSettings defaults() {
        return new HttpSettings(
                DEFAULT_MAX_BODY_BYTES,
                DEFAULT_BODY_TIMEOUT,
                DEFAULT_MAX_BUFFERED_BODY_BYTES,
                DEFAULT_MAX_THREADS,
                DEFAULT_SHUTDOWN_TIMEOUT,
                Optional.empty());
    }

    public HttpSettings withMetricsToken(String token) {
        return new HttpSettings(
                maxBodyBytes,
                bodyTimeout,
                maxBufferedBodyBytes,
                maxThreads,
                shutdownTimeout,
                Optional.of(token),
                trustedProxies);
    }

    public HttpSettings withTrustedProxies(TrustedProxies proxies) {
        return new HttpSettings(
                maxBodyBytes, bodyTimeout, maxBufferedBodyBytes, maxThreads, shutdownTimeout, metricsToken, proxies);
    }

    @Override
    public String toString() {
        return "HttpSettings[maxBodyBytes=" + maxBodyBytes + ", bodyTimeout=" + bodyTimeout
                + ", maxBufferedBodyBytes=" + maxBufferedBodyBytes + ", maxThreads=" + maxThreads
                + ", shutdownTimeout=" + shutdownTimeout + ", metricsToken="
                + (metricsToken.isPresent() ? "<hidden>" : "none")
                + ", trustedProxies=" + trustedProxies + "]";
    }
}
