package dev.whitelabel.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.whitelabel.adapters.persistence.jdbi.JdbiStorage;
import dev.whitelabel.domain.model.PageRequest;
import dev.whitelabel.domain.model.User;
import dev.whitelabel.domain.port.out.Storage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The port contract, plus what only a SQL database can show: rows written, rollback, row locks. */
abstract class SqlStoragePortsContract extends StoragePortsContract {

    HikariDataSource dataSource;

    /** A pooled, migrated, empty database of this kind. */
    abstract HikariDataSource openDataSource();

    @Override
    Storage emptyStorage() {
        dataSource = openDataSource();
        return JdbiStorage.over(dataSource);
    }

    @AfterEach
    void closeDataSource() {
        dataSource.close();
    }

    long count(String sql) throws Exception {
        try (var connection = dataSource.getConnection();
                var statement = connection.createStatement();
                var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Test
    void logout_all_writes_no_token_row_however_many_tokens_there_are() throws Exception {
        User ann = user(acme, "ann@acme.test");
        for (int i = 0; i < 2_000; i++) {
            token(ann);
        }

        assertThat(storage.tokens().revokeAll(acme.id(), ann.id(), NOW)).isEqualTo(2_000);

        assertThat(count("select count(*) from tokens where revoked_at is not null"))
                .as("token rows written by a logout-all").isZero();
        assertThat(count("select count(*) from ended_token_generations")).isEqualTo(1);
        assertThat(storage.probe().answers()).isTrue();
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

    @Test
    void concurrent_issue_revoke_and_logout_all_of_one_user_count_every_token_once() throws Exception {
        User ann = user(acme, "ann@acme.test");
        var issued = new AtomicInteger();
        var revokedAll = new AtomicInteger();
        var failures = new ConcurrentLinkedQueue<Throwable>();
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
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
                revokedAll.addAndGet(storage.tokens().revokeAll(acme.id(), ann.id(), NOW));
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
            thread.start();
            threads.add(thread);
        }
        for (var thread : threads) {
            thread.join();
        }
        long listed = storage.tokens().list(acme.id(), ann.id(), new PageRequest(1, 100)).total();
        long revokedOneByOne = count("select count(*) from tokens where revoked_at is not null");
        int stillLive = storage.tokens().revokeAll(acme.id(), ann.id(), NOW);

        assertThat(failures).as("errors, such as deadlocks").isEmpty();
        assertThat(listed).isEqualTo(issued.get());
        assertThat(revokedAll.get() + revokedOneByOne + stillLive).isEqualTo(issued.get());
    }
}
