package dev.whitelabel.adapters.persistence.memory;

import dev.whitelabel.domain.model.SigningKey;
import dev.whitelabel.domain.port.out.SecurityEventSigner;
import dev.whitelabel.domain.port.out.SigningKeyStore;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Every platform's signing keys in memory, in the database's tables, newest by id. */
final class InMemorySigningKeyStore implements SigningKeyStore {

    private final InMemoryDatabase database;

    InMemorySigningKeyStore(InMemoryDatabase database) {
        this.database = database;
    }

    @Override
    public SigningKey add(long platformId, SecurityEventSigner.NewKey key, Instant now) {
        return database.locked(() -> {
            if (database.signingKeys().values().stream()
                    .anyMatch(stored -> stored.keyId().equals(key.keyId()))) {
                throw new IllegalStateException("a signing key with that key id is stored already");
            }
            var added = new SigningKey(
                    database.nextId(),
                    platformId,
                    key.keyId(),
                    key.publicKey(),
                    key.sealedPrivateKey(),
                    now,
                    Optional.empty());
            database.signingKeys().put(added.id(), added);
            return added;
        });
    }

    @Override
    public Optional<SigningKey> current(long platformId) {
        return database.locked(() ->
                newestFirst(platformId).filter(key -> key.retiredAt().isEmpty()).findFirst());
    }

    @Override
    public List<SigningKey> published(long platformId, Instant retiredAfter) {
        return database.locked(() -> newestFirst(platformId)
                .filter(key ->
                        key.retiredAt().map(at -> at.isAfter(retiredAfter)).orElse(true))
                .toList());
    }

    @Override
    public void retireAllBut(long platformId, long keptKeyId, Instant now) {
        database.locked(() -> {
            newestFirst(platformId)
                    .filter(key -> key.id() != keptKeyId && key.retiredAt().isEmpty())
                    .toList()
                    .forEach(key -> database.signingKeys()
                            .put(
                                    key.id(),
                                    new SigningKey(
                                            key.id(),
                                            key.platformId(),
                                            key.keyId(),
                                            key.publicKey(),
                                            key.sealedPrivateKey(),
                                            key.createdAt(),
                                            Optional.of(now))));
            return keptKeyId;
        });
    }

    private Stream<SigningKey> newestFirst(long platformId) {
        return database.signingKeys().values().stream()
                .filter(key -> key.platformId() == platformId)
                .sorted(Comparator.comparingLong(SigningKey::id).reversed());
    }
}
