package dev.whitelabel.domain.port.out;

import java.util.function.Supplier;

/**
 * Runs work so that its writes to every store land together or not at all: when {@code work} throws,
 * none of them is kept. A transaction begun inside another joins it.
 */
public interface Transactions {
    <T> T inTransaction(Supplier<T> work);

    /**
     * Runs {@code action} once the transaction open on this thread commits, and never if it rolls back;
     * at once when none is open. By default at once: a store whose writes are seen as they are made has
     * no later moment to wait for.
     */
    default void afterCommit(Runnable action) {
        action.run();
    }
}
