package dev.whitelabel.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a database is, said without its password, and the schema check a short command runs instead of Flyway. */
class DatabaseTest {

    @TempDir
    Path directory;

    @Test
    void a_short_command_migrates_a_new_or_behind_database_and_skips_flyway_on_one_up_to_date() throws Exception {
        String url = DatabaseSettings.embeddedH2Url(directory.resolve("whitelabel"));
        assertThat(Database.migrationVersions())
                .as("this build's migrations, V1 to the latest")
                .hasValueSatisfying(versions -> assertThat(versions).contains("1", "2", "6"));

        try (var fresh = Database.openForOneCommand(DatabaseSettings.of(url))) {
            assertThat(Database.isUpToDate(fresh)).as("migrated on first use").isTrue();
        }
        Flyway.configure()
                .dataSource(url, null, null)
                .locations("classpath:db/migration")
                .cleanDisabled(false)
                .load()
                .clean();
        Flyway.configure()
                .dataSource(url, null, null)
                .locations("classpath:db/migration")
                .target("4")
                .load()
                .migrate();
        try (var behind = Database.openForOneCommand(DatabaseSettings.of(url))) {
            assertThat(Database.isUpToDate(behind)).as("brought up to date").isTrue();
            assertThat(Flyway.configure()
                            .dataSource(url, null, null)
                            .locations("classpath:db/migration")
                            .load()
                            .info()
                            .pending())
                    .isEmpty();
        }
    }

    @Test
    void an_h2_url_names_its_file_and_any_other_url_is_said_without_credentials() {
        assertThat(DatabaseSettings.of(DatabaseSettings.embeddedH2Url(Path.of("data", "whitelabel")))
                        .location())
                .isEqualTo(Path.of("data", "whitelabel.mv.db").toAbsolutePath().toString());
        assertThat(DatabaseSettings.of("jdbc:h2:./data/x;USER=sa;PASSWORD=secret")
                        .h2File())
                .contains(Path.of("data", "x.mv.db").toAbsolutePath());
        assertThat(DatabaseSettings.of("jdbc:h2:mem:test").h2File()).isEmpty();
        assertThat(DatabaseSettings.of("jdbc:h2:tcp://localhost/~/test").h2File())
                .isEmpty();

        assertThat(DatabaseSettings.of("jdbc:h2:./data/x;USER=sa;PASSWORD=secret;MODE=PostgreSQL")
                        .redactedUrl())
                .isEqualTo("jdbc:h2:./data/x;MODE=PostgreSQL");
        assertThat(DatabaseSettings.of("jdbc:postgresql://db:5432/wl?user=wl&password=secret&ssl=true")
                        .location())
                .isEqualTo("jdbc:postgresql://db:5432/wl?ssl=true");
        assertThat(DatabaseSettings.of("jdbc:postgresql://db/wl?sslpassword=secret&Password=secret")
                        .redactedUrl())
                .isEqualTo("jdbc:postgresql://db/wl");
        assertThat(DatabaseSettings.of("jdbc:postgresql://wl:secret@db/wl").redactedUrl())
                .isEqualTo("jdbc:postgresql://db/wl");
        assertThat(new DatabaseSettings(
                                "jdbc:postgresql://db/wl?password=secret",
                                Optional.of("wl"),
                                Optional.of("secret"),
                                1,
                                DatabaseSettings.DEFAULT_CONNECT_TIMEOUT)
                        .toString())
                .doesNotContain("secret");
    }
}
