package dev.whitelabel.adapters.http;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/** What the API counts: requests by route, method and status, authentication failures, logouts. */
final class ApiMetrics {

    private final MeterRegistry registry;

    ApiMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void request(String method, String route, int status, Duration took) {
        Timer.builder("http.server.requests")
                .description("HTTP requests, by route template, method and status")
                .tags("method", method, "route", route, "status", Integer.toString(status))
                .publishPercentileHistogram()
                .register(registry)
                .record(took);
    }

    /** {@code reason}: missing, invalid_request or invalid_token. */
    void authenticationFailed(String reason) {
        Counter.builder("whitelabel.authentication.failures").tag("reason", reason).register(registry).increment();
    }

    /** {@code kind}: admin_one, admin_others, admin_all, self_one, self_others or self_all. */
    void loggedOut(String kind, int revokedTokens) {
        Counter.builder("whitelabel.logouts").tag("kind", kind).register(registry).increment();
        Counter.builder("whitelabel.tokens.revoked").register(registry).increment(revokedTokens);
    }

    /**
     * A check through one of the doors other services use: {@code door} forward_auth, introspection
     * or revocation; {@code outcome} allowed, refused, active, inactive, revoked or invalid_client.
     */
    void tokenChecked(String door, String outcome) {
        Counter.builder("whitelabel.token.checks").tags("door", door, "outcome", outcome).register(registry).increment();
    }
}
