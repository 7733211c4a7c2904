package dev.whitelabel.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.whitelabel.adapters.persistence.jdbi.JdbiStorage;
import dev.whitelabel.domain.model.User;
import dev.whitelabel.domain.port.out.Storage;
import dev.whitelabel.domain.model.PageRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
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
    void concurrent_issue_revoke_and_logout_all_of_one_user_count_every_token_once() throws Exception {
        User ann = user(acme, "ann@acme.test");
        var issued = new AtomicInteger();
        var revoked = new AtomicInteger();
        var failures = new ConcurrentLinkedQueue<Throwable>();
        var deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        Runnable issuer = () -> {
            while (System.nanoTime() < deadline) {
                long id = token(ann);
                issued.incrementAndGet();
                if (id % 3 == 0) {
                    storage.tokens().revoke(acme.id(), ann.id(), id, NOW);
                }
            }
        };
        Runnable loggerOut = () -> {
            while (System.nanoTime() < deadline) {
                revoked.addAndGet(storage.tokens().revokeAll(acme.id(), ann.id(), NOW));
            }
        };
        var threads = new ArrayList<Thread>();
        for (Runnable work : List.of(issuer, issuer, issuer, loggerOut)) {
            var thread = new Thread(() -> {
                try {
                    work.run();
                } catch (Throwable t) {
                    failures.add(t);
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (var thread : threads) {
            thread.join();
        }
        int oneByOne = (int) storage.tokens().list(acme.id(), ann.id(), new PageRequest(1, 100)).total();
        long revokedSingly = countRevokedOneByOne();
        int stillLive = storage.tokens().revokeAll(acme.id(), ann.id(), NOW);

        assertThat(failures).isEmpty();
        assertThat(oneByOne).isEqualTo(issued.get());
        assertThat(revoked.get() + revokedSingly + stillLive).isEqualTo(issued.get());
    }

    private long countRevokedOneByOne() throws Exception {
        try (var connection = dataSource.getConnection();
                var statement = connection.createStatement();
                var rows = statement.executeQuery("select count(*) from tokens where revoked_at is not null")) {
            rows.next();
            return rows.getLong(1);
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
