package dev.whitelabel.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.whitelabel.adapters.persistence.jdbi.JdbiStorage;
import dev.whitelabel.domain.model.User;
import dev.whitelabel.domain.port.out.Storage;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract on the embedded default: an H2 file with the product's own URL settings. */
class H2StorageTest extends StoragePortsContract {

    @TempDir
    Path directory;

    HikariDataSource dataSource;

    @Override
    Storage emptyStorage() {
        dataSource = Database.open(new DatabaseSettings(
                DatabaseSettings.embeddedH2Url(directory.resolve("whitelabel")), Optional.empty(), Optional.empty(), 2));
        return JdbiStorage.over(dataSource);
    }

    @AfterEach
    void close() {
        dataSource.close();
    }

    @Test
    void logout_all_writes_the_user_row_only_however_many_tokens_there_are() throws Exception {
        User ann = user(acme, "ann@acme.test");
        for (int i = 0; i < 2_000; i++) {
            token(ann);
        }

        assertThat(storage.tokens().revokeAll(acme.id(), ann.id(), NOW)).isEqualTo(2_000);

        try (var connection = dataSource.getConnection();
                var statement = connection.createStatement();
                var rows = statement.executeQuery("select count(*) from tokens where revoked_at is not null")) {
            rows.next();
            assertThat(rows.getInt(1)).as("token rows written by a logout-all").isZero();
        }
    }

    @Test
    void a_failed_transaction_writes_nothing() {
        User ann = user(acme, "ann@acme.test");

        assertThatThrownBy(() -> storage.transactions().inTransaction(() -> {
            token(ann);
            throw new IllegalStateException("boom");
        })).hasMessage("boom");

        assertThat(storage.tokens().revokeAll(acme.id(), ann.id(), NOW)).isZero();
    }
}
