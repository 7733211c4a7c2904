package dev.whitelabel.adapters.persistence.jdbi;

import dev.whitelabel.domain.error.StorageUnavailable;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.HandleConsumer;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.jdbi.v3.core.statement.StatementExceptions.MessageRendering;

/**
 * Jdbi, with a database that does not answer reported as {@link StorageUnavailable} (a 503 that
 * clears by itself when the pool reconnects) rather than as a fault. Every other failure passes through.
 */
final class GuardedJdbi {

    /** A read on a plain connection of the pool. */
    @FunctionalInterface
    interface ConnectionWork<R> {
        R apply(Connection connection) throws SQLException;
    }

    private final Jdbi jdbi;
    private final DataSource dataSource;

    GuardedJdbi(DataSource dataSource) {
        this.jdbi = Jdbi.create(dataSource);
        this.dataSource = dataSource;
        // No statement or bound value (digests, password hashes) in exception messages, which get logged.
        jdbi.getConfig(StatementExceptions.class).setMessageRendering(MessageRendering.NONE);
    }

    /**
     * Plain JDBC on a connection of the same pool, for the one query every request runs: a Jdbi
     * handle per request costs the authenticated route a share of its throughput (bench/README.md).
     */
    <R> R withConnection(ConnectionWork<R> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.apply(connection);
        } catch (SQLException e) {
            if (ConnectionLoss.isIn(e)) {
                throw new StorageUnavailable();
            }
            throw new IllegalStateException("a query failed with SQLSTATE " + e.getSQLState());
        }
    }

    <R> R withHandle(HandleCallback<R, RuntimeException> callback) {
        try {
            return jdbi.withHandle(callback);
        } catch (RuntimeException e) {
            throw translated(e);
        }
    }

    void useHandle(HandleConsumer<RuntimeException> consumer) {
        withHandle(handle -> {
            consumer.useHandle(handle);
            return null;
        });
    }

    <R> R inTransaction(HandleCallback<R, RuntimeException> callback) {
        try {
            return jdbi.inTransaction(callback);
        } catch (RuntimeException e) {
            throw translated(e);
        }
    }

    private static RuntimeException translated(RuntimeException e) {
        return ConnectionLoss.isIn(e) ? new StorageUnavailable() : e;
    }
}
