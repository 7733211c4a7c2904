package dev.whitelabel.adapters.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;

/** Opens the pooled connection to H2 or PostgreSQL and brings its schema up to date. */
public final class Database {

    private Database() {}

    /**
     * A pool that keeps the database open: without one, H2 would open and close the whole file
     * database for every statement.
     */
    public static HikariDataSource open(DatabaseSettings settings) {
        var config = new HikariConfig();
        config.setJdbcUrl(settings.url());
        settings.user().ifPresent(config::setUsername);
        settings.password().ifPresent(config::setPassword);
        config.setMaximumPoolSize(settings.poolSize());
        config.setPoolName("whitelabel");
        var dataSource = new HikariDataSource(config);
        try {
            migrate(dataSource);
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return dataSource;
    }

    private static void migrate(javax.sql.DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }
}
