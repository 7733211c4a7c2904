package dev.whitelabel.adapters.persistence.jdbi;

import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * Lookups by key, read together when they arrive together: while {@link #STATEMENTS} statements are
 * being read, a lookup waits, and those arriving meanwhile join it in one statement that starts after
 * the last of them arrived. Each lookup therefore sees every write committed before it arrived (nothing
 * is cached: a token revoked is refused on the very next request), and many concurrent checks cost the
 * database one round trip instead of one each (bench/README.md). A lookup that finds a statement free
 * is read at once, alone.
 */
final class CoalescedLookups<K, V> {

    /**
     * Statements read at once: the cores of the machines measured, where more of them only split the
     * lookups into more round trips without reading any sooner.
     */
    static final int STATEMENTS = 2;

    private final Function<Set<K>, Map<K, V>> read;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition statementFree = lock.newCondition();
    /** The batch lookups join, until its first lookup finds a statement free and reads it. */
    private Batch<K, V> gathering;

    private int reading;

    /** {@code read} answers the values of the keys it is given, and no entry for a key without one. */
    CoalescedLookups(Function<Set<K>, Map<K, V>> read) {
        this.read = read;
    }

    Optional<V> find(K key) {
        Batch<K, V> batch;
        boolean first;
        lock.lock();
        try {
            first = gathering == null;
            if (first) {
                gathering = new Batch<>(lock.newCondition());
            }
            batch = gathering;
            batch.keys.add(key);
            if (first) {
                while (reading == STATEMENTS) {
                    statementFree.awaitUninterruptibly();
                }
                gathering = null;
                reading++;
            } else {
                while (!batch.done) {
                    batch.read.awaitUninterruptibly();
                }
            }
        } finally {
            lock.unlock();
        }
        if (first) {
            readAll(batch);
        }
        return batch.value(key);
    }

    private void readAll(Batch<K, V> batch) {
        Map<K, V> values = Map.of();
        Throwable failure = null;
        try {
            values = read.apply(batch.keys);
        } catch (RuntimeException | Error e) {
            failure = e;
        } finally {
            lock.lock();
            try {
                batch.values = values;
                batch.failure = failure;
                batch.done = true;
                reading--;
                batch.read.signalAll();
                statementFree.signal();
            } finally {
                lock.unlock();
            }
        }
    }

    /** The keys of one statement and, once read, their values; its fields are guarded by the lock. */
    private static final class Batch<K, V> {
        final Set<K> keys = new HashSet<>();
        final Condition read;
        boolean done;
        Map<K, V> values;
        Throwable failure;

        Batch(Condition read) {
            this.read = read;
        }

        Optional<V> value(K key) {
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            return Optional.ofNullable(values.get(key));
        }
    }
}
