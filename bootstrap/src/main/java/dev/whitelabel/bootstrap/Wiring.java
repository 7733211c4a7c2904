package dev.whitelabel.bootstrap;

import com.zaxxer.hikari.HikariDataSource;
import dev.whitelabel.adapters.http.webhooks.HttpSecurityEventPusher;
import dev.whitelabel.adapters.http.webhooks.HttpWebhookSender;
import dev.whitelabel.adapters.persistence.BcryptPasswordHasher;
import dev.whitelabel.adapters.persistence.Database;
import dev.whitelabel.adapters.persistence.DatabaseSettings;
import dev.whitelabel.adapters.persistence.jdbi.JdbiStorage;
import dev.whitelabel.application.WhitelabelUseCases;
import dev.whitelabel.domain.port.out.HostResolver;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;

/** The product over one database, put together with plain constructors. Closing it closes the pool. */
final class Wiring implements AutoCloseable {

    // Both databases keep microseconds: a time answered at creation reads back the same later.
    private static final Clock MICROSECONDS = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));

    private final HikariDataSource dataSource;
    private final ProductSettings settings;
    private final WhitelabelUseCases useCases;

    private Wiring(ProductSettings settings, HikariDataSource dataSource) {
        this.dataSource = dataSource;
        this.settings = settings;
        this.useCases = new WhitelabelUseCases(
                JdbiStorage.over(dataSource),
                new BcryptPasswordHasher(),
                MICROSECONDS,
                settings.webhookPolicy(),
                settings.loginThrottle(),
                HostResolver.SYSTEM);
    }

    /**
     * This instance's webhook dispatcher, started, on a pool of its own to the same database; close it
     * before the wiring (closing it closes its sender, then its pool). Its sender checks each address
     * it connects to by the same policy and resolver as the endpoints were checked at creation.
     */
    WebhookDispatcher dispatchWebhooks(DatabaseSettings database, MeterRegistry metrics) {
        var limits = settings.deliveryLimits();
        var pool = Database.openForDelivery(database);
        var sender = new HttpWebhookSender(
                settings.webhookPolicy(), HostResolver.SYSTEM, limits.attemptDeadline(), Clock.systemUTC());
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
     * This instance's pusher of security events, started, on a pool of its own and a sender with the
     * webhooks' address checks and deadline; close it before the wiring.
     */
    SecurityEventDispatcher pushSecurityEvents(DatabaseSettings database, SharedSignals sharedSignals) {
        var limits = settings.deliveryLimits();
        var pool = Database.openForDelivery(database);
        var sender = new HttpWebhookSender(
                settings.webhookPolicy(), HostResolver.SYSTEM, limits.attemptDeadline(), Clock.systemUTC());
        var deliver = useCases.deliverSecurityEvents(
                JdbiStorage.over(pool), sharedSignals.signer(), new HttpSecurityEventPusher(sender), limits);
        return new SecurityEventDispatcher(deliver, limits.attemptDeadline(), () -> {
            sender.close();
            pool.close();
        });
    }

    /** With the default settings: for tests and embedders that only need the use cases. */
    static Wiring open(DatabaseSettings database) {
        return open(database, ProductSettings.DEFAULTS);
    }

    static Wiring open(DatabaseSettings database, ProductSettings settings) {
        return new Wiring(settings, Database.open(database));
    }

    /** For one command-line call: one connection, and Flyway only when the schema is behind this build. */
    static Wiring openForOneCommand(DatabaseSettings database, ProductSettings settings) {
        return new Wiring(settings, Database.openForOneCommand(database));
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
