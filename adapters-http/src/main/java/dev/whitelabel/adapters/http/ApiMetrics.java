package dev.whitelabel.adapters.http;

import dev.whitelabel.domain.model.LogoutScope;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** What the API counts: requests by route, method and status, authentication failures, logouts. */
final class ApiMetrics {

    /**
     * The request histogram's bucket bounds, a few that tell something: a check answers within a
     * millisecond or two on an idle server and within tens of milliseconds under load; 100 ms and
     * more is a database in trouble, and 2.5 s is past the default wait for a connection (2 s).
     * Micrometer's percentile histogram had 69 buckets per route and status, which made a scrape
     * 200 KB and more after a few dozen requests.
     */
    static final Duration[] BUCKETS = {
        Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
        Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofSeconds(1), Duration.ofMillis(2500)
    };

    private final MeterRegistry registry;
    /** Each series' timer, found once: building its id and looking it up in the registry on every request cost more. */
    private final Map<Series, Timer> timers = new ConcurrentHashMap<>();

    /** method, route and status are bounded: HTTP's own methods, the route templates, the statuses the server answers. */
    private record Series(String method, String route, int status) {}

    ApiMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void request(String method, String route, int status, Duration took) {
        timers.computeIfAbsent(
                        new Series(method, route, status),
                        series -> Timer.builder("http.server.requests")
                                .description("HTTP requests, by route template, method and status")
                                .tags(
                                        "method",
                                        series.method(),
                                        "route",
                                        series.route(),
                                        "status",
                                        Integer.toString(series.status()))
                                .serviceLevelObjectives(BUCKETS)
                                .register(registry))
                .record(took);
    }

    /** {@code reason}: missing, invalid_request or invalid_token. */
    void authenticationFailed(String reason) {
        Counter.builder("whitelabel.authentication.failures")
                .tag("reason", reason)
                .register(registry)
                .increment();
    }

    /** A logout by {@code who} (admin or self), counted by what it ended: one, others or all. */
    void loggedOut(String who, LogoutScope scope, int revokedTokens) {
        String ended = scope.match(new LogoutScope.Cases<>() {
            @Override
            public String allTokens() {
                return "all";
            }

            @Override
            public String oneToken(long tokenId) {
                return "one";
            }

            @Override
            public String allBut(long keptTokenId) {
                return "others";
            }

            @Override
            public String current() {
                return "one";
            }

            @Override
            public String others() {
                return "others";
            }
        });
        loggedOut(who + "_" + ended, revokedTokens);
    }

    /** {@code kind}: admin_one, admin_others, admin_all, self_one, self_others, self_all, or what else ended tokens. */
    void loggedOut(String kind, int revokedTokens) {
        Counter.builder("whitelabel.logouts")
                .tag("kind", kind)
                .register(registry)
                .increment();
        Counter.builder("whitelabel.tokens.revoked").register(registry).increment(revokedTokens);
    }

    /**
     * A check through one of the doors other services use: {@code door} forward_auth, introspection
     * or revocation; {@code outcome} allowed, refused, active, inactive, revoked or invalid_client.
     */
    void tokenChecked(String door, String outcome) {
        Counter.builder("whitelabel.token.checks")
                .tags("door", door, "outcome", outcome)
                .register(registry)
                .increment();
    }
}
