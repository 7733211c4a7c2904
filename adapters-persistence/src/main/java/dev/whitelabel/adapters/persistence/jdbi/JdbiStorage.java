package dev.whitelabel.adapters.persistence.jdbi;

import dev.whitelabel.domain.port.out.Storage;
import javax.sql.DataSource;

/** The ports over one SQL database (H2 or PostgreSQL) whose schema is migrated. */
public final class JdbiStorage {

    private JdbiStorage() {}

    public static Storage over(DataSource dataSource) {
        var jdbi = new GuardedJdbi(dataSource);
        return new Storage(
                new JdbiPlatformStore(jdbi),
                new JdbiUserDirectory(jdbi),
                new JdbiTokenStore(jdbi),
                new JdbiServiceClientStore(jdbi),
                new JdbiWebhookStore(jdbi),
                new JdbiEventStreamStore(jdbi),
                new JdbiSigningKeyStore(jdbi),
                new JdbiAuditLog(jdbi),
                new JdbiLoginFailures(jdbi),
                new JdbiTransactions(jdbi),
                new JdbiStorageProbe(jdbi));
    }
}
