package dev.whitelabel.bootstrap;

import com.zaxxer.hikari.HikariDataSource;
import dev.whitelabel.adapters.persistence.BcryptPasswordHasher;
import dev.whitelabel.adapters.persistence.Database;
import dev.whitelabel.adapters.persistence.DatabaseSettings;
import dev.whitelabel.adapters.persistence.jdbi.JdbiStorage;
import dev.whitelabel.application.WhitelabelUseCases;
import dev.whitelabel.domain.port.in.UseCases;
import java.time.Clock;
import java.time.Duration;

/** The product over one database, put together with plain constructors. Closing it closes the pool. */
final class Wiring implements AutoCloseable {

    // Both databases keep microseconds: a time answered at creation reads back the same later.
    private static final Clock MICROSECONDS = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));

    private final HikariDataSource dataSource;
    private final UseCases useCases;

    private Wiring(HikariDataSource dataSource) {
        this.dataSource = dataSource;
        this.useCases = new WhitelabelUseCases(JdbiStorage.over(dataSource), new BcryptPasswordHasher(), MICROSECONDS);
    }

    static Wiring open(DatabaseSettings settings) {
        return new Wiring(Database.open(settings));
    }

    /** HikariCP's pool metrics (connections active, idle, pending, timeouts) into the registry. */
    void reportPoolMetricsTo(io.micrometer.core.instrument.MeterRegistry registry) {
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
