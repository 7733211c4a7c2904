package dev.whitelabel.adapters.persistence.memory;

import dev.whitelabel.domain.model.Platform;
import dev.whitelabel.domain.model.SessionCap;
import dev.whitelabel.domain.port.out.PlatformStore;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

final class InMemoryPlatformStore implements PlatformStore {

    private final InMemoryDatabase database;

    InMemoryPlatformStore(InMemoryDatabase database) {
        this.database = database;
    }

    @Override
    public Platform add(String name, Instant createdAt) {
        return database.locked(() -> {
            var platform = new Platform(database.nextId(), name, createdAt);
            database.platforms().put(platform.id(), platform);
            return platform;
        });
    }

    @Override
    public Optional<Platform> find(long platformId) {
        return database.locked(() -> Optional.ofNullable(database.platforms().get(platformId)));
    }

    @Override
    public Optional<SessionCap> sessionCap(long platformId) {
        return database.locked(() -> Optional.ofNullable(database.platforms().get(platformId))
                .map(platform -> database.sessionCaps().getOrDefault(platformId, SessionCap.NONE)));
    }

    @Override
    public Optional<SessionCap> changeSessionCap(
            long platformId, Optional<OptionalInt> max, Optional<SessionCap.Policy> policy) {
        return database.locked(() -> sessionCap(platformId).map(cap -> {
            var changed = cap.with(max, policy);
            database.sessionCaps().put(platformId, changed);
            return changed;
        }));
    }
}
