package dev.whitelabel.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.whitelabel.adapters.persistence.jdbi.JdbiStorage;
import dev.whitelabel.domain.model.Abilities;
import dev.whitelabel.domain.model.Device;
import dev.whitelabel.domain.model.PageRequest;
import dev.whitelabel.domain.model.TokenDigest;
import dev.whitelabel.domain.model.TokenSummary;
import dev.whitelabel.domain.port.out.TokenEntry;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.Assertions;

/** A token issued before V12 holds every ability after it; a token issued after holds what it was given, no default. */
class TokenAbilitiesMigrationTest extends MigrationCheck {

    @Override
    void check(String url) throws Exception {
        atVersionWithAnn(url, "10", statement -> {
            statement.execute("""
                        insert into tokens (id, user_id, name, token_hash, generation, created_at)
                        values (700, 70, 'phone', '%s', 0, current_timestamp)""".formatted(TokenDigest.of("s").hex()));
        });

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
