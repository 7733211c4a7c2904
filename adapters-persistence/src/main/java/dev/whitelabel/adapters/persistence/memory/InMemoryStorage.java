package dev.whitelabel.adapters.persistence.memory;

import dev.whitelabel.domain.port.out.Storage;

/** Every port in memory: for tests, and for embedding the use cases with nothing to run beside them. */
public final class InMemoryStorage {

    private InMemoryStorage() {}

    public static Storage create() {
        var database = new InMemoryDatabase();
        return new Storage(
                new InMemoryPlatformStore(database),
                new InMemoryUserDirectory(database),
                new InMemoryTokenStore(database),
                new InMemoryServiceClientStore(database),
                new InMemoryWebhookStore(database),
                new InMemoryEventStreamStore(database),
                new InMemorySigningKeyStore(database),
                new InMemoryAuditLog(database),
                new InMemoryLoginFailures(database),
                new InMemoryTransactions(database),
                () -> true);
    }
}
