package dev.whitelabel.adapters.persistence.memory;

import dev.whitelabel.adapters.persistence.memory.InMemoryDatabase.ServiceClientRow;
import dev.whitelabel.domain.model.ServiceClient;
import dev.whitelabel.domain.model.ServiceClientCheck;
import dev.whitelabel.domain.model.ServiceClientCredential;
import dev.whitelabel.domain.port.out.ServiceClientEntry;
import dev.whitelabel.domain.port.out.ServiceClientStore;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

final class InMemoryServiceClientStore implements ServiceClientStore {

    private final InMemoryDatabase database;

    InMemoryServiceClientStore(InMemoryDatabase database) {
        this.database = database;
    }

    @Override
    public ServiceClient add(ServiceClientEntry entry) {
        return database.locked(() -> {
            var client = new ServiceClient(
                    database.nextId(), entry.platformId(), entry.name(), entry.clientId(), entry.createdAt());
            database.serviceClients()
                    .put(
                            client.id(),
                            new ServiceClientRow(
                                    new ServiceClientCredential(client, entry.secretDigest()), Optional.empty()));
            return client;
        });
    }

    @Override
    public Optional<ServiceClientCheck> findWithToken(String clientId, long tokenId) {
        return database.locked(() -> database.serviceClients().values().stream()
                .filter(row -> row.deletedAt().isEmpty()
                        && row.credential().client().clientId().equals(clientId))
                .map(ServiceClientRow::credential)
                .findFirst()
                .map(client -> new ServiceClientCheck(
                        client,
                        database.unrevoked(tokenId)
                                .filter(token -> token.owner().platformId()
                                        == client.client().platformId()))));
    }

    @Override
    public List<ServiceClient> list(long platformId) {
        return database.locked(() -> database.serviceClients().values().stream()
                .filter(row -> row.deletedAt().isEmpty())
                .map(row -> row.credential().client())
                .filter(client -> client.platformId() == platformId)
                .sorted(Comparator.comparingLong(ServiceClient::id))
                .toList());
    }

    @Override
    public boolean delete(long platformId, long id, Instant now) {
        return database.locked(() -> {
            var row = database.serviceClients().get(id);
            if (row == null
                    || row.deletedAt().isPresent()
                    || row.credential().client().platformId() != platformId) {
                return false;
            }
            database.serviceClients().put(id, new ServiceClientRow(row.credential(), Optional.of(now)));
            return true;
        });
    }
}
