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
        // No statement or bound value (digests, password hashes) in exception messages, which get logged.
        jdbi.getConfig(StatementExceptions.class).setMessageRendering(MessageRendering.NONE);
        var guarded = new GuardedJdbi(jdbi);
        return new Storage(
                new JdbiPlatformStore(guarded),
                new JdbiUserDirectory(guarded),
                new JdbiTokenStore(guarded),
                new JdbiAuditLog(guarded),
                new JdbiTransactions(guarded),
                new JdbiStorageProbe(guarded));
    }
}
