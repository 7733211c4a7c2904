package dev.whitelabel.adapters.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** Opens the pooled connection to H2 or PostgreSQL and brings its schema up to date. */
public final class Database {

    private static final String H2_BIND_ADDRESS = "h2.bindAddress";

    private Database() {}

    /**
     * A pool that keeps the database open: without one, H2 would open and close the whole file
     * database for every statement.
     */
    public static HikariDataSource open(DatabaseSettings settings) {
        if (settings.url().startsWith("jdbc:h2:") && System.getProperty(H2_BIND_ADDRESS) == null) {
            // AUTO_SERVER would otherwise listen on every interface
            System.setProperty(H2_BIND_ADDRESS, "127.0.0.1");
        }
        var config = new HikariConfig();
        config.setJdbcUrl(settings.url());
        settings.user().ifPresent(config::setUsername);
        settings.password().ifPresent(config::setPassword);
        config.setMaximumPoolSize(settings.poolSize());
        config.setConnectionTimeout(settings.connectTimeout().toMillis());
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

    private static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }
}
