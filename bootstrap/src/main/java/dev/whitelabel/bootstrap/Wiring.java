package dev.whitelabel.bootstrap;

import com.zaxxer.hikari.HikariDataSource;
import dev.whitelabel.adapters.http.webhooks.HttpWebhookSender;
import dev.whitelabel.adapters.persistence.BcryptPasswordHasher;
import dev.whitelabel.adapters.persistence.Database;
import dev.whitelabel.adapters.persistence.DatabaseSettings;
import dev.whitelabel.adapters.persistence.jdbi.JdbiStorage;
import dev.whitelabel.application.WhitelabelUseCases;
import dev.whitelabel.domain.model.DeliveryLimits;
import dev.whitelabel.domain.model.LoginThrottle;
import dev.whitelabel.domain.model.WebhookPolicy;
import dev.whitelabel.domain.port.out.HostResolver;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/** The product over one database, put together with plain constructors. Closing it closes the pool. */
final class Wiring implements AutoCloseable {

    // Both databases keep microseconds: a time answered at creation reads back the same later.
    private static final Clock MICROSECONDS = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));

    private final HikariDataSource dataSource;
    private final WebhookPolicy webhookPolicy;
    private final WhitelabelUseCases useCases;

    private Wiring(WebhookPolicy webhookPolicy, HikariDataSource dataSource) {
        this.dataSource = dataSource;
        this.webhookPolicy = webhookPolicy;
        this.useCases = new WhitelabelUseCases(
                JdbiStorage.over(dataSource),
                new BcryptPasswordHasher(),
                MICROSECONDS,
                webhookPolicy,
                loginThrottle(),
                HostResolver.SYSTEM);
    }

    /**
     * From the environment, like the webhook policy: WHITELABEL_LOGIN_FAILURES_PER_EMAIL (5),
     * WHITELABEL_LOGIN_FAILURES_PER_IP (100) and WHITELABEL_LOGIN_FAILURE_WINDOW_SECONDS (900).
     */
    static LoginThrottle loginThrottle() {
        var defaults = LoginThrottle.DEFAULT;
        return new LoginThrottle(
                setting("WHITELABEL_LOGIN_FAILURES_PER_EMAIL", defaults.perEmail()),
                setting("WHITELABEL_LOGIN_FAILURES_PER_IP", defaults.perIp()),
                Duration.ofSeconds(setting("WHITELABEL_LOGIN_FAILURE_WINDOW_SECONDS", (int)
                        defaults.window().toSeconds())));
    }

    private static int setting(String name, int fallback) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number");
        }
    }

    /**
     * From the environment only, like the database credentials: an operator's decision, never a
     * request's. WHITELABEL_WEBHOOK_DISABLE_AFTER is an ISO-8601 duration (P5D, PT12H). Read before
     * the database opens, so that a value refused leaves no pool open.
     */
    static WebhookPolicy webhookPolicy(Map<String, String> environment) {
        String disableAfter = environment.get("WHITELABEL_WEBHOOK_DISABLE_AFTER");
        return new WebhookPolicy(
                "true".equalsIgnoreCase(environment.get("WHITELABEL_WEBHOOKS_ALLOW_PRIVATE")),
                disableAfter == null || disableAfter.isBlank()
                        ? WebhookPolicy.DEFAULT_DISABLE_AFTER
                        : duration("WHITELABEL_WEBHOOK_DISABLE_AFTER", disableAfter.strip()));
    }

    /** Refused in words: the value is the operator's own, never a secret. */
    private static Duration duration(String name, String value) {
        Optional<Duration> parsed;
        try {
            parsed = Optional.of(Duration.parse(value)).filter(duration -> !duration.isNegative());
        } catch (DateTimeParseException e) {
            parsed = Optional.empty();
        }
        return parsed.orElseThrow(() -> new CommandFailure(
                name + " must be an ISO-8601 duration of 0 or more, such as P5D or PT12H, not " + value + "."));
    }

    /**
     * This instance's webhook dispatcher, started, on a pool of its own to the same database; close it
     * before the wiring (closing it closes its sender, then its pool). Its sender checks each address
     * it connects to by the same policy and resolver as the endpoints were checked at creation.
     */
    WebhookDispatcher dispatchWebhooks(DatabaseSettings settings, MeterRegistry metrics) {
        var limits = deliveryLimits();
        var pool = Database.openForDelivery(settings);
        var sender = new HttpWebhookSender(webhookPolicy, HostResolver.SYSTEM, limits.attemptDeadline());
        var deliver = useCases.deliverWebhooks(JdbiStorage.over(pool), sender, limits);
        return new WebhookDispatcher(
                deliver,
                limits.attemptDeadline(),
                () -> {
                    sender.close();
                    pool.close();
                },
                metrics);
    }

    /**
     * From the environment: WHITELABEL_WEBHOOK_TIMEOUT_SECONDS (5), the deadline of a whole attempt, and
     * WHITELABEL_WEBHOOK_ATTEMPTS_PER_ENDPOINT (16), the most attempts of one endpoint running at once.
     */
    static DeliveryLimits deliveryLimits() {
        var defaults = DeliveryLimits.DEFAULT;
        return new DeliveryLimits(
                Duration.ofSeconds(setting("WHITELABEL_WEBHOOK_TIMEOUT_SECONDS", (int)
                        defaults.attemptDeadline().toSeconds())),
                setting("WHITELABEL_WEBHOOK_ATTEMPTS_PER_ENDPOINT", defaults.perEndpoint()),
                defaults.inFlight());
    }

    static Wiring open(DatabaseSettings settings) {
        return new Wiring(webhookPolicy(System.getenv()), Database.open(settings));
    }

    /** For one command-line call: one connection, and Flyway only when the schema is behind this build. */
    static Wiring openForOneCommand(DatabaseSettings settings) {
        return new Wiring(webhookPolicy(System.getenv()), Database.openForOneCommand(settings));
    }

    /** HikariCP's pool metrics (connections active, idle, pending, timeouts) into the registry. */
    void reportPoolMetricsTo(MeterRegistry registry) {
        dataSource.setMetricRegistry(registry);
    }

    WhitelabelUseCases useCases() {
        return useCases;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
