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
import dev.whitelabel.domain.port.in.UseCases;
import dev.whitelabel.domain.port.out.HostResolver;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;

/** The product over one database, put together with plain constructors. Closing it closes the pool. */
final class Wiring implements AutoCloseable {

    // Both databases keep microseconds: a time answered at creation reads back the same later.
    private static final Clock MICROSECONDS = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));

    private final HikariDataSource dataSource;
    private final WebhookPolicy webhookPolicy = webhookPolicy();
    private final WhitelabelUseCases useCases;

    private Wiring(HikariDataSource dataSource) {
        this.dataSource = dataSource;
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

    /** From the environment only, like the database credentials: an operator's decision, never a request's. */
    private static WebhookPolicy webhookPolicy() {
        return new WebhookPolicy("true".equalsIgnoreCase(System.getenv("WHITELABEL_WEBHOOKS_ALLOW_PRIVATE")));
    }

    /**
     * This instance's webhook dispatcher, started; close it before the wiring. Its sender checks each
     * address it connects to by the same policy and resolver as the endpoints were checked at creation.
     */
    WebhookDispatcher dispatchWebhooks(MeterRegistry metrics) {
        var limits = deliveryLimits();
        var sender = new HttpWebhookSender(webhookPolicy, HostResolver.SYSTEM, limits.attemptDeadline());
        return new WebhookDispatcher(
                useCases.deliverWebhooks(sender, limits), limits.attemptDeadline(), sender::close, metrics);
    }

    /**
     * From the environment: WHITELABEL_WEBHOOK_TIMEOUT_SECONDS (5), the deadline of a whole attempt, and
     * WHITELABEL_WEBHOOK_ATTEMPTS_PER_ENDPOINT (4), the most attempts of one endpoint running at once.
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
        return new Wiring(Database.open(settings));
    }

    /** For one command-line call: one connection, and Flyway only when the schema is behind this build. */
    static Wiring openForOneCommand(DatabaseSettings settings) {
        return new Wiring(Database.openForOneCommand(settings));
    }

    /** HikariCP's pool metrics (connections active, idle, pending, timeouts) into the registry. */
    void reportPoolMetricsTo(MeterRegistry registry) {
        dataSource.setMetricRegistry(registry);
    }

    UseCases useCases() {
        return useCases;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
