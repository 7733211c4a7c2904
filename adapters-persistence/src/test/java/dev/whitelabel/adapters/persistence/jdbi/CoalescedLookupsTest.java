package dev.whitelabel.adapters.persistence.jdbi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CoalescedLookupsTest {

    /** The rows, as a statement sees them when it starts. */
    final Map<Long, String> table = new ConcurrentHashMap<>(Map.of(1L, "one", 2L, "two", 3L, "three", 4L, "four"));

    final List<Set<Long>> statements = new CopyOnWriteArrayList<>();
    final List<Thread> lookups = new CopyOnWriteArrayList<>();
    final ExecutorService threads = Executors.newCachedThreadPool(work -> {
        var thread = new Thread(work);
        lookups.add(thread);
        return thread;
    });
    /** Held shut, every statement waits before it answers what it read when it started. */
    volatile CountDownLatch answers = new CountDownLatch(0);

    final CoalescedLookups<Long, String> lookup = new CoalescedLookups<>(keys -> {
        statements.add(Set.copyOf(keys));
        var read = new HashMap<Long, String>();
        keys.forEach(key -> Optional.ofNullable(table.get(key)).ifPresent(value -> read.put(key, value)));
        try {
            answers.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return read;
    });

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    @Test
    void a_lookup_that_finds_a_statement_free_is_read_alone_at_once() {
        assertThat(lookup.find(1L)).contains("one");
        assertThat(lookup.find(9L)).isEmpty();
        assertThat(statements).containsExactly(Set.of(1L), Set.of(9L));
    }

    @Test
    void lookups_arriving_while_every_statement_is_busy_are_read_together_in_one() throws Exception {
        answers = new CountDownLatch(1);
        var busy = List.of(find(1L), find(2L));
        awaitWaiting(2);
        var together = List.of(find(3L), find(4L), find(9L), find(3L));
        awaitWaiting(6);
        answers.countDown();

        assertThat(values(busy)).containsExactly(Optional.of("one"), Optional.of("two"));
        assertThat(values(together))
                .containsExactly(Optional.of("three"), Optional.of("four"), Optional.empty(), Optional.of("three"));
        assertThat(statements).hasSize(CoalescedLookups.STATEMENTS + 1).contains(Set.of(3L, 4L, 9L));
    }

    /** A revocation committed before a request arrived: no statement begun earlier answers that request. */
    @Test
    void a_row_gone_before_a_lookup_arrived_is_not_found_though_a_statement_that_read_it_is_still_running()
            throws Exception {
        answers = new CountDownLatch(1);
        var before = List.of(find(1L), find(1L));
        awaitWaiting(2);
        table.remove(1L);
        var after = find(1L);
        awaitWaiting(3);
        answers.countDown();

        assertThat(values(before)).containsExactly(Optional.of("one"), Optional.of("one"));
        assertThat(after.get(5, TimeUnit.SECONDS)).isEmpty();
    }

    @Test
    void a_failed_statement_fails_every_lookup_it_read_and_the_next_lookups_read_again() throws Exception {
        var calls = new AtomicInteger();
        var failing = new CoalescedLookups<Long, String>(keys -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("the database went away");
            }
            return Map.of(1L, "one");
        });

        assertThatThrownBy(() -> failing.find(1L)).hasMessage("the database went away");
        assertThat(failing.find(1L)).contains("one");
    }

    Future<Optional<String>> find(long key) {
        return threads.submit(() -> lookup.find(key));
    }

    /** Until {@code count} lookups wait: on the statement they read, or for a statement to read in. */
    void awaitWaiting(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (lookups.stream()
                        .filter(thread -> thread.getState() == Thread.State.WAITING)
                        .count()
                < count) {
            assertThat(System.nanoTime()).as("lookups waiting").isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    static List<Optional<String>> values(List<Future<Optional<String>>> lookups)
            throws ExecutionException, InterruptedException {
        var values = new ArrayList<Optional<String>>();
        for (var lookup : lookups) {
            values.add(lookup.get());
        }
        return values;
    }
}
