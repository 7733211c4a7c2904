package dev.whitelabel.adapters.persistence;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * A migration checked on H2 and, where one is given, on PostgreSQL: rows written at an earlier version
 * of the schema, then migrated by what the server runs at its start.
 */
abstract class MigrationCheck {

    @TempDir
    Path directory;

    /** Writes rows at an earlier version, migrates, and checks what became of them. */
    abstract void check(String url) throws Exception;

    @Test
    void on_h2() throws Exception {
        check(DatabaseSettings.embeddedH2Url(directory.resolve("whitelabel")));
    }

    @Test
    @EnabledIfEnvironmentVariable(
            named = TestPostgres.URL_VARIABLE,
            matches = ".+",
            disabledReason =
                    "set WHITELABEL_TEST_PG_URL (e.g. jdbc:postgresql://127.0.0.1:5432/test?user=postgres) to run")
    void on_postgresql() throws Exception {
        try (var schema = TestPostgres.freshSchema()) {
            check(schema.url());
        }
    }

    /** Rows written with a statement of their own. */
    interface Rows {
        void write(Statement statement) throws SQLException;
    }

    /** The schema at {@code version}, holding platform 7 (Acme), its user 70 (Ann), and {@code more}. */
    static void atVersionWithAnn(String url, String version, Rows more) throws SQLException {
        Flyway.configure()
                .dataSource(url, null, null)
                .locations("classpath:db/migration")
                .target(version)
                .load()
                .migrate();
        try (var db = DriverManager.getConnection(url);
                var statement = db.createStatement()) {
            statement.execute("insert into platforms (id, name, created_at) values (7, 'Acme', current_timestamp)");
            statement.execute("""
                    insert into users (id, platform_id, name, email, email_key, role, created_at)
                    values (70, 7, 'Ann', 'ann@acme.test', 'ann@acme.test', 'USER', current_timestamp)""");
            more.write(statement);
        }
    }
}
