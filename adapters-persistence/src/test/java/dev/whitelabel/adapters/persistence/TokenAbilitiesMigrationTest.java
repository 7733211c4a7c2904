package dev.whitelabel.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.whitelabel.adapters.persistence.jdbi.JdbiStorage;
import dev.whitelabel.domain.model.Abilities;
import dev.whitelabel.domain.model.Device;
import dev.whitelabel.domain.model.PageRequest;
import dev.whitelabel.domain.model.TokenDigest;
import dev.whitelabel.domain.model.TokenSummary;
import dev.whitelabel.domain.port.out.TokenEntry;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.Assertions;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/** A token issued before V12 holds every ability after it; a token issued after holds what it was given, no default. */
class TokenAbilitiesMigrationTest {

    @TempDir
    Path directory;

    @Test
    void on_h2() throws Exception {
        tokensBeforeHoldEverything(DatabaseSettings.embeddedH2Url(directory.resolve("whitelabel")));
    }

    @Test
    @EnabledIfEnvironmentVariable(
            named = TestPostgres.URL_VARIABLE,
            matches = ".+",
            disabledReason =
                    "set WHITELABEL_TEST_PG_URL (e.g. jdbc:postgresql://127.0.0.1:5432/test?user=postgres) to run")
    void on_postgresql() throws Exception {
        try (var schema = TestPostgres.freshSchema()) {
            tokensBeforeHoldEverything(schema.url());
        }
    }

    void tokensBeforeHoldEverything(String url) throws Exception {
        Flyway.configure()
                .dataSource(url, null, null)
                .locations("classpath:db/migration")
                .target("10")
                .load()
                .migrate();
        try (Connection db = DriverManager.getConnection(url);
                var statement = db.createStatement()) {
            statement.execute("insert into platforms (id, name, created_at) values (7, 'Acme', current_timestamp)");
            statement.execute("""
                    insert into users (id, platform_id, name, email, email_key, role, created_at)
                    values (70, 7, 'Ann', 'ann@acme.test', 'ann@acme.test', 'USER', current_timestamp)""");
            statement.execute("""
                    insert into tokens (id, user_id, name, token_hash, generation, created_at)
                    values (700, 70, 'phone', '%s', 0, current_timestamp)""".formatted(TokenDigest.of("s").hex()));
        }

        try (var dataSource = Database.open(DatabaseSettings.of(url))) {
            var tokens = JdbiStorage.over(dataSource).tokens();
            var reader = new Abilities(List.of("orders:read"));
            long after = tokens.issue(new TokenEntry(
                    7, 70, "laptop", TokenDigest.of("t"), Optional.empty(), Instant.now(), Device.UNKNOWN, reader));

            assertThat(tokens.findUnrevoked(700).orElseThrow().abilities()).isEqualTo(Abilities.EVERYTHING);
            assertThat(tokens.findUnrevoked(after).orElseThrow().abilities()).isEqualTo(reader);
            assertThat(tokens.list(7, 70, PageRequest.first()).items())
                    .extracting(TokenSummary::abilities)
                    .containsExactlyInAnyOrder(reader, Abilities.EVERYTHING);
            try (var db = dataSource.getConnection();
                    var statement = db.createStatement()) {
                Assertions.assertThatThrownBy(() -> statement.execute("""
                                insert into tokens (user_id, name, token_hash, generation, created_at)
                                values (70, 'no abilities', 'x', 0, current_timestamp)"""))
                        .as("no insert is given every ability by leaving the column out")
                        .isInstanceOf(SQLException.class);
            }
        }
    }
}
