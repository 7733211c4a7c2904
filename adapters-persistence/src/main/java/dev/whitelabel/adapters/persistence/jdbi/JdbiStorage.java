package dev.whitelabel.adapters.persistence.jdbi;

import dev.whitelabel.domain.port.out.Storage;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementExceptions;
import org.jdbi.v3.core.statement.StatementExceptions.MessageRendering;

/** The ports over one SQL database (H2 or PostgreSQL) whose schema is migrated. */
public final class JdbiStorage {

    private JdbiStorage() {}

    public static Storage over(DataSource dataSource) {
        Jdbi jdbi = Jdbi.create(dataSource);
        // Exception messages name the statement, never its bound values (digests, password hashes).
        jdbi.getConfig(StatementExceptions.class).setMessageRendering(MessageRendering.SHORT_STATEMENT);
        return new Storage(
                new JdbiPlatformStore(jdbi),
                new JdbiUserDirectory(jdbi),
                new JdbiTokenStore(jdbi),
                new JdbiAuditLog(jdbi),
                new JdbiTransactions(jdbi));
    }
}
