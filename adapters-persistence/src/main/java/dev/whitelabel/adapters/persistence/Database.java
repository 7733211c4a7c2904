package dev.whitelabel.adapters.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.whitelabel.adapters.persistence.jdbi.ConnectionLoss;
import dev.whitelabel.domain.error.StorageUnavailable;
import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/** Opens the pooled connection to H2 or PostgreSQL and brings its schema up to date. */
public final class Database {

    private static final String H2_BIND_ADDRESS = "h2.bindAddress";
    private static final String MIGRATIONS = "db/migration";
    private static final String HISTORY = "flyway_schema_history";
    private static final Pattern VERSIONED_MIGRATION = Pattern.compile("V([0-9][0-9_.]*)__.*\\.sql");

    private Database() {}

    /**
     * A pool that keeps the database open: without one, H2 would open and close the whole file
     * database for every statement. Flyway checks and brings the schema up to date.
     */
    public static HikariDataSource open(DatabaseSettings settings) {
        var config = config(settings);
        config.setMaximumPoolSize(settings.poolSize());
        return migrated(pool(config));
    }

    /**
     * A pool of two for the webhook dispatcher, beside the server's: its claims and outcomes never wait
     * behind the requests queued for a connection, nor they behind it. The server's pool has migrated
     * the schema already.
     */
    public static HikariDataSource openForDelivery(DatabaseSettings settings) {
        var config = config(settings);
        config.setMaximumPoolSize(2);
        config.setPoolName("whitelabel-webhooks");
        if (settings.url().startsWith("jdbc:postgresql:")) {
            // What delivery writes (claims, outcomes) may be lost in a crash at no cost but a second
            // send, which at-least-once delivery allows: so its commits do not wait for the disk, and
            // the logouts' commits, which must, do not queue behind them.
            config.setConnectionInitSql("set synchronous_commit = off");
        }
        return new HikariDataSource(config);
    }

    /**
     * For one short command: one connection, opened at once and kept until closed, and Flyway (about
     * a second of a command's start, most of it loading its classes) run only when this build has a
     * migration the database lacks; then on a pool of two, since Flyway takes two connections. A
     * database ahead of this build is used as it is, as Flyway would. The server, which runs
     * {@link #open}, still validates what was applied.
     */
    public static HikariDataSource openForOneCommand(DatabaseSettings settings) {
        var config = config(settings);
        config.setMaximumPoolSize(1);
        var dataSource = pool(config);
        try {
            if (isUpToDate(dataSource)) {
                return dataSource;
            }
        } catch (SQLException | RuntimeException e) {
            dataSource.close();
            throw unavailableOr(e);
        }
        dataSource.close();
        var migrating = config(settings);
        migrating.setMaximumPoolSize(2);
        migrating.setMinimumIdle(1);
        return migrated(pool(migrating));
    }

    private static HikariDataSource migrated(HikariDataSource dataSource) {
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:" + MIGRATIONS)
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            dataSource.close();
            throw unavailableOr(e);
        }
        return dataSource;
    }

    /** A pool with its first connection made: a database that does not answer is said as such. */
    private static HikariDataSource pool(HikariConfig config) {
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw unavailableOr(e);
        }
    }

    private static RuntimeException unavailableOr(Exception e) {
        if (ConnectionLoss.isIn(e)) {
            return new StorageUnavailable();
        }
        return e instanceof RuntimeException runtime ? runtime : new IllegalStateException("database check failed", e);
    }

    private static HikariConfig config(DatabaseSettings settings) {
        if (settings.url().startsWith("jdbc:h2:") && System.getProperty(H2_BIND_ADDRESS) == null) {
            // AUTO_SERVER would otherwise listen on every interface
            System.setProperty(H2_BIND_ADDRESS, "127.0.0.1");
        }
        var config = new HikariConfig();
        config.setJdbcUrl(settings.url());
        settings.user().ifPresent(config::setUsername);
        settings.password().ifPresent(config::setPassword);
        config.setConnectionTimeout(settings.connectTimeout().toMillis());
        config.setPoolName("whitelabel");
        return config;
    }

    /** Every versioned migration of this build recorded as applied; any doubt answers no, and Flyway decides. */
    static boolean isUpToDate(DataSource dataSource) throws SQLException {
        Optional<Set<String>> wanted = migrationVersions();
        if (wanted.isEmpty()) {
            return false;
        }
        var applied = new HashSet<String>();
        try (Connection connection = dataSource.getConnection()) {
            // looked up rather than queried blindly: H2 writes every failed statement to a .trace.db file
            try (var tables = connection.getMetaData().getTables(null, connection.getSchema(), HISTORY, null)) {
                if (!tables.next()) {
                    return false; // a new database
                }
            }
            // Flyway's own names, quoted as it creates them
            try (var statement = connection.createStatement();
                    var rows = statement.executeQuery("SELECT \"version\" FROM \"" + HISTORY + "\""
                            + " WHERE \"success\" AND \"version\" IS NOT NULL")) {
                while (rows.next()) {
                    applied.add(rows.getString(1));
                }
            } catch (SQLException e) {
                return false;
            }
        }
        return applied.containsAll(wanted.get());
    }

    /** The versions of this build's migrations; empty when they cannot be listed, or are not all versioned SQL files. */
    static Optional<Set<String>> migrationVersions() {
        URL location = Database.class.getClassLoader().getResource(MIGRATIONS);
        if (location == null) {
            return Optional.empty();
        }
        List<String> names;
        try {
            names = switch (location.getProtocol()) {
                case "jar" -> {
                    // the jar the class loader has open already
                    var jar = ((JarURLConnection) location.openConnection()).getJarFile();
                    yield jar.stream()
                            .map(ZipEntry::getName)
                            .filter(name -> name.startsWith(MIGRATIONS + "/") && !name.endsWith("/"))
                            .map(name -> name.substring(MIGRATIONS.length() + 1))
                            .toList();
                }
                case "file" -> {
                    try (Stream<Path> files = Files.list(Path.of(location.toURI()))) {
                        yield files.map(file -> file.getFileName().toString()).toList();
                    }
                }
                default -> null;
            };
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
        if (names == null || names.isEmpty()) {
            return Optional.empty();
        }
        var versions = new HashSet<String>();
        for (String name : names) {
            var matcher = VERSIONED_MIGRATION.matcher(name);
            if (!matcher.matches()) {
                return Optional.empty(); // a repeatable migration, say: Flyway compares its checksum
            }
            versions.add(matcher.group(1).replace('_', '.'));
        }
        return Optional.of(versions);
    }
}
