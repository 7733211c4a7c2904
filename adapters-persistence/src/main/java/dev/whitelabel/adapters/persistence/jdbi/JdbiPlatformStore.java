package dev.whitelabel.adapters.persistence.jdbi;

import dev.whitelabel.domain.model.Platform;
import dev.whitelabel.domain.port.out.PlatformStore;
import java.time.Instant;
import java.util.Optional;

final class JdbiPlatformStore implements PlatformStore {

    private final GuardedJdbi jdbi;

    JdbiPlatformStore(GuardedJdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Platform add(String name, Instant createdAt) {
        long id = jdbi.withHandle(handle -> handle
                .createUpdate("insert into platforms (name, created_at) values (:name, :createdAt)")
                .bind("name", name)
                .bind("createdAt", createdAt)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one());
        return new Platform(id, name, createdAt);
    }

    @Override
    public Optional<Platform> find(long platformId) {
        return jdbi.withHandle(handle -> handle
                .createQuery("select id, name, created_at from platforms where id = :id")
                .bind("id", platformId)
                .map((rs, ctx) -> new Platform(
                        rs.getLong("id"), rs.getString("name"), rs.getTimestamp("created_at").toInstant()))
                .findOne());
    }
}
