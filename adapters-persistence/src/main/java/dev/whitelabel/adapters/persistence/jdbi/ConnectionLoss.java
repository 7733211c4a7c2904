package dev.whitelabel.adapters.persistence.jdbi;

import dev.whitelabel.domain.error.StorageUnavailable;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.jdbi.v3.core.ConnectionException;

/** Tells a database that does not answer from every other failure, wherever it is met. */
public final class ConnectionLoss {

    private ConnectionLoss() {}

    /** Somewhere in the causes: no connection to be had, or the one in use lost. */
    public static boolean isIn(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof StorageUnavailable
                    || t instanceof ConnectionException
                    || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException
                    || (t instanceof SQLException sql && isConnectionState(sql.getSQLState()))) {
                return true;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (isIn(suppressed)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** SQLSTATE class 08 (connection exception); 57P01-57P03 (server shutting down or starting). */
    private static boolean isConnectionState(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("57P"));
    }
}
