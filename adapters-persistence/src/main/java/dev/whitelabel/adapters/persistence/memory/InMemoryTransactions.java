package dev.whitelabel.adapters.persistence.memory;

import dev.whitelabel.domain.port.out.Transactions;
import java.util.function.Supplier;

/** All or nothing, as a database's transactions are; a nested transaction joins the one around it. */
final class InMemoryTransactions implements Transactions {

    private final InMemoryDatabase database;

    InMemoryTransactions(InMemoryDatabase database) {
        this.database = database;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return database.inTransaction(work);
    }
}
