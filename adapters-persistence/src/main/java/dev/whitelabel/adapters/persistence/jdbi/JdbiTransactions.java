package dev.whitelabel.adapters.persistence.jdbi;

import dev.whitelabel.domain.port.out.Transactions;
import java.util.function.Supplier;

/**
 * Jdbi hands every nested {@code withHandle} on this thread the handle of the open transaction,
 * so the stores called inside {@code work} all write in it.
 */
final class JdbiTransactions implements Transactions {

    private final GuardedJdbi jdbi;

    JdbiTransactions(GuardedJdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return jdbi.inTransaction(handle -> work.get());
    }

    @Override
    public void afterCommit(Runnable action) {
        jdbi.useHandle(handle -> {
            if (handle.isInTransaction()) {
                handle.afterCommit(action);
            } else {
                action.run();
            }
        });
    }
}
