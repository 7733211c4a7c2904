package dev.whitelabel.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import dev.whitelabel.adapters.persistence.jdbi.JdbiStorage;
import dev.whitelabel.domain.model.EventStream;
import dev.whitelabel.domain.model.PageRequest;
import dev.whitelabel.domain.model.SecurityEventType;
import dev.whitelabel.domain.model.StreamStatus;
import dev.whitelabel.domain.model.TokenCredential;
import dev.whitelabel.domain.model.User;
import dev.whitelabel.domain.model.WebhookEndpoint;
import dev.whitelabel.domain.model.WebhookEventType;
import dev.whitelabel.domain.port.out.DeliveryClaim;
import dev.whitelabel.domain.port.out.DueDelivery;
import dev.whitelabel.domain.port.out.DuePush;
import dev.whitelabel.domain.port.out.Storage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The port contract, plus what only a SQL database can show: rows written, row locks. */
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

    /** The dispatcher of the instance that took a logout is woken then: before, its claim would find nothing. */
    @Test
    void an_action_after_commit_runs_once_the_transaction_commits_and_never_after_a_rollback() {
        List<String> ran = new ArrayList<>();
        storage.transactions().inTransaction(() -> {
            storage.transactions().afterCommit(() -> ran.add("committed"));
            assertThat(ran).as("not yet").isEmpty();
            return null;
        });
        assertThat(ran).containsExactly("committed");
        assertThatThrownBy(() -> storage.transactions().inTransaction(() -> {
                    storage.transactions().afterCommit(() -> ran.add("rolled back"));
                    throw new IllegalStateException("rolled back");
                }))
                .hasMessage("rolled back");
        storage.transactions().afterCommit(() -> ran.add("none open"));
        assertThat(ran).containsExactly("committed", "none open");
    }

    @Test
    void logout_all_writes_no_token_row_however_many_tokens_there_are() throws Exception {
        User ann = user(acme, "ann@acme.test");
        for (int i = 0; i < 2_000; i++) {
            token(ann);
        }

        assertThat(storage.tokens().revokeAll(acme.id(), ann.id(), NOW)).isEqualTo(2_000);

        assertThat(count("select count(*) from tokens where revoked_at is not null"))
                .as("token rows written by a logout-all")
                .isZero();
        assertThat(count("select count(*) from ended_token_generations")).isEqualTo(1);
        assertThat(storage.probe().answers()).isTrue();
    }

    /** Two instances claiming at once never get the same delivery (FOR UPDATE SKIP LOCKED). */
    @Test
    void concurrent_claims_never_share_a_delivery() throws Exception {
        endpoint(acme);
        User ann = user(acme, "ann@acme.test");
        for (int i = 0; i < 200; i++) {
            announce(ann);
        }
        var pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<DueDelivery>>> claims = new ArrayList<>();
            for (int worker = 0; worker < 4; worker++) {
                claims.add(pool.submit(() -> {
                    List<DueDelivery> mine = new ArrayList<>();
                    List<DueDelivery> claimed;
                    do {
                        claimed = storage.webhooks()
                                .claimDue(new DeliveryClaim(NOW, NOW.plusSeconds(60), 7, 7, Set.of()));
                        mine.addAll(claimed);
                    } while (!claimed.isEmpty());
                    return mine;
                }));
            }
            List<Long> all = new ArrayList<>();
            for (var claim : claims) {
                all.addAll(events(claim.get()));
            }
            assertThat(all).hasSize(200).doesNotHaveDuplicates();
        } finally {
            pool.shutdown();
        }
    }

    /** An admin deleting an endpoint never waits for, nor deadlocks with, a dispatcher recording its sends. */
    @Test
    void deleting_an_endpoint_does_not_wait_on_the_rows_a_dispatcher_holds() throws Exception {
        User ann = user(acme, "ann@acme.test");
        var endpoint = endpoint(acme);
        for (int i = 0; i < 5; i++) {
            announce(ann);
        }
        List<Long> claimed =
                storage.webhooks().claimDue(new DeliveryClaim(NOW, NOW.plusSeconds(15), 10, 10, Set.of())).stream()
                        .map(DueDelivery::id)
                        .toList();
        var admin = Executors.newSingleThreadExecutor();
        try {
            storage.transactions().inTransaction(() -> {
                storage.webhooks().delivered(claimed, 204, NOW);
                // the outcome's row locks are held until this transaction ends
                return CompletableFuture.supplyAsync(
                                () -> storage.webhooks().delete(acme.id(), endpoint.id(), NOW), admin)
                        .orTimeout(5, TimeUnit.SECONDS)
                        .join();
            });
        } finally {
            admin.shutdownNow();
        }
        assertThat(storage.webhooks().list(acme.id())).isEmpty();
    }

    /** Two instances recording failures of the same endpoints at once: one disables them, the other waits and does not. */
    @Test
    void endpoints_failed_by_two_instances_at_once_are_disabled_once() throws Exception {
        User ann = user(acme, "ann@acme.test");
        endpoint(acme, "one", EnumSet.allOf(WebhookEventType.class));
        endpoint(acme, "two", EnumSet.allOf(WebhookEventType.class));
        announce(ann);
        announce(ann);
        List<Long> claimed =
                storage.webhooks().claimDue(new DeliveryClaim(NOW, NOW.plusSeconds(15), 10, 10, Set.of())).stream()
                        .map(DueDelivery::endpointId)
                        .distinct()
                        .toList();
        List<Long> reversed = new ArrayList<>(claimed);
        Collections.reverse(reversed);
        failed(NOW, claimed.toArray(Long[]::new));
        Instant later = NOW.plus(FIVE_DAYS);
        var other = Executors.newSingleThreadExecutor();
        try {
            CompletableFuture<List<WebhookEndpoint>> second = new CompletableFuture<>();
            var first = storage.transactions().inTransaction(() -> {
                var disabled = failed(later, claimed.toArray(Long[]::new));
                // the other instance waits on this transaction's rows, then finds them disabled
                other.submit(() -> second.complete(
                        storage.transactions().inTransaction(() -> failed(later, reversed.toArray(Long[]::new)))));
                sleep(200);
                return disabled;
            });
            assertThat(first).hasSize(2);
            assertThat(second.orTimeout(5, TimeUnit.SECONDS).join()).isEmpty();
        } finally {
            other.shutdownNow();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
        long listed = storage.tokens()
                .list(acme.id(), ann.id(), new PageRequest(1, 100))
                .total();
        long revokedOneByOne = count("select count(*) from tokens where revoked_at is not null");
        int stillLive = storage.tokens().revokeAll(acme.id(), ann.id(), NOW);

        assertThat(failures).as("errors, such as deadlocks").isEmpty();
        assertThat(listed).isEqualTo(issued.get());
        assertThat(revokedAll.get() + revokedOneByOne + stillLive).isEqualTo(issued.get());
    }

    /** Checks that arrive together are read together, in one statement: each is still answered its own token. */
    @Test
    void concurrent_lookups_each_find_their_own_token_and_none_finds_a_revoked_one() throws Exception {
        User ann = user(acme, "ann@acme.test");
        User bob = user(acme, "bob@acme.test");
        var tokens = new ArrayList<Long>();
        for (int i = 0; i < 8; i++) {
            tokens.add(token(i % 2 == 0 ? ann : bob));
        }
        long revoked = tokens.get(3);
        storage.tokens().revoke(acme.id(), bob.id(), revoked, NOW);
        var threads = Executors.newFixedThreadPool(16);
        try {
            var found = new ArrayList<Future<Optional<Long>>>();
            for (int round = 0; round < 200; round++) {
                for (long tokenId : tokens) {
                    found.add(threads.submit(
                            () -> storage.tokens().findUnrevoked(tokenId).map(TokenCredential::tokenId)));
                }
            }
            for (int i = 0; i < found.size(); i++) {
                long tokenId = tokens.get(i % tokens.size());
                assertThat(found.get(i).get(10, TimeUnit.SECONDS))
                        .isEqualTo(tokenId == revoked ? Optional.empty() : Optional.of(tokenId));
            }
        } finally {
            threads.shutdownNow();
        }
    }

    String text(String sql) throws Exception {
        try (var connection = dataSource.getConnection();
                var statement = connection.createStatement();
                var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    /** The tables hold the adapter's stored names, whatever the enums or the API call the same choices. */
    @Test
    void streams_and_events_are_stored_by_their_stored_names() throws Exception {
        EventStream stream =
                pushStream(acme, EnumSet.of(SecurityEventType.SESSION_REVOKED, SecurityEventType.ACCOUNT_DISABLED));
        withStatus(stream, StreamStatus.PAUSED);
        storage.eventStreams().enqueue(securityEvent(acme, SecurityEventType.SESSION_REVOKED), NOW);

        assertThat(text("select delivery_method || '|' || status || '|' || events_requested from event_streams"))
                .isEqualTo("push|paused|account-disabled session-revoked");
        assertThat(text("select event_type from security_events")).isEqualTo("session-revoked");
    }

    /**
     * A polled stream's events are written undue, so that no claim reads them; a claim that meets the
     * events of a pushed stream it does not push now (paused) holds them, so that no claim reads them
     * again. An event of a pushed and enabled stream left undue (written by a logout that read its stream
     * as polled, committed after the stream became a pushed one) is found by a claim a few seconds on.
     */
    @Test
    void a_claim_never_reads_a_polled_streams_events_holds_a_paused_ones_and_finds_what_a_race_left_undue()
            throws Exception {
        EventStream polled = pollStream(acme, SecurityEventType.REQUESTABLE);
        EventStream pushed = pushStream(acme, SecurityEventType.REQUESTABLE);
        EventStream paused = pushStream(acme, SecurityEventType.REQUESTABLE);
        withStatus(paused, StreamStatus.PAUSED);
        storage.eventStreams().enqueue(securityEvent(acme, SecurityEventType.ACCOUNT_PURGED), NOW);
        assertThat(count("select count(*) from security_events where next_attempt_at is null and stream_id = "
                        + polled.id()))
                .as("the polled stream's event, never due")
                .isEqualTo(1);

        assertThat(claim(NOW, 10)).hasSize(1);
        assertThat(count("select count(*) from security_events where next_attempt_at is null"))
                .as("the polled stream's event, and the paused one's, held")
                .isEqualTo(2);

        storage.eventStreams().enqueue(securityEvent(acme, SecurityEventType.SESSION_REVOKED), NOW);
        try (var connection = dataSource.getConnection();
                var statement = connection.createStatement()) {
            statement.executeUpdate("update security_events set next_attempt_at = null where stream_id = " + pushed.id()
                    + " and event_type = 'session-revoked'");
        }
        assertThat(claim(NOW.plusSeconds(1), 10))
                .as("not looked for at every claim")
                .isEmpty();
        assertThat(claim(NOW.plusSeconds(5), 10))
                .extracting(push -> push.pending().event().type())
                .containsExactly(SecurityEventType.SESSION_REVOKED);

        assertThat(storage.eventStreams().delete(acme.id(), polled.id())).isTrue();
        assertThat(storage.eventStreams().delete(acme.id(), pushed.id())).isTrue();
        assertThat(storage.eventStreams().delete(acme.id(), paused.id())).isTrue();
        assertThat(count("select count(*) from security_events")).isZero();
    }

    /** Two instances claiming pushes at once never get the same event (FOR UPDATE SKIP LOCKED). */
    @Test
    void concurrent_push_claims_never_share_an_event() throws Exception {
        pushStream(acme, SecurityEventType.REQUESTABLE);
        pollStream(acme, SecurityEventType.REQUESTABLE);
        pushStream(globex, SecurityEventType.REQUESTABLE);
        for (int i = 0; i < 100; i++) {
            storage.eventStreams()
                    .enqueue(securityEvent(i % 2 == 0 ? acme : globex, SecurityEventType.SESSION_REVOKED), NOW);
        }
        var pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Long>>> claims = new ArrayList<>();
            for (int worker = 0; worker < 4; worker++) {
                claims.add(pool.submit(() -> {
                    List<Long> mine = new ArrayList<>();
                    List<DuePush> claimed;
                    do {
                        claimed = storage.eventStreams().claimDuePushes(NOW, NOW.plusSeconds(60), 7);
                        mine.addAll(claimedIds(claimed));
                    } while (!claimed.isEmpty());
                    return mine;
                }));
            }
            List<Long> all = new ArrayList<>();
            for (var claim : claims) {
                all.addAll(claim.get());
            }
            assertThat(all).hasSize(100).doesNotHaveDuplicates();
        } finally {
            pool.shutdown();
        }
    }
}
