package dev.whitelabel.adapters.persistence.jdbi;

import dev.whitelabel.domain.model.Platform;
import dev.whitelabel.domain.model.SessionCap;
import dev.whitelabel.domain.port.out.PlatformStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Optional;
import java.util.OptionalInt;

final class JdbiPlatformStore implements PlatformStore {

    private final GuardedJdbi jdbi;

    JdbiPlatformStore(GuardedJdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Platform add(String name, Instant createdAt) {
        long id = jdbi.withHandle(
                handle -> handle.createUpdate("insert into platforms (name, created_at) values (:name, :createdAt)")
                        .bind("name", name)
                        .bind("createdAt", createdAt)
                        .executeAndReturnGeneratedKeys("id")
                        .mapTo(Long.class)
                        .one());
        return new Platform(id, name, createdAt);
    }

    @Override
    public Optional<Platform> find(long platformId) {
        return jdbi.withHandle(handle -> handle.createQuery("select id, name, created_at from platforms where id = :id")
                .bind("id", platformId)
                .map((rs, ctx) -> new Platform(
                        rs.getLong("id"),
                        rs.getString("name"),
                        rs.getTimestamp("created_at").toInstant()))
                .findOne());
    }

    @Override
    public Optional<SessionCap> sessionCap(long platformId) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "select max_tokens_per_user, session_cap_policy from platforms where id = :id")
                .bind("id", platformId)
                .map((rs, ctx) -> {
                    int max = rs.getInt("max_tokens_per_user");
                    return new SessionCap(
                            rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(max),
                            StoredNames.policy(rs.getString("session_cap_policy")));
                })
                .findOne());
    }

    @Override
    public Optional<SessionCap> changeSessionCap(
            long platformId, Optional<OptionalInt> max, Optional<SessionCap.Policy> policy) {
        var assignments = new ArrayList<String>();
        max.ifPresent(value -> assignments.add("max_tokens_per_user = :max"));
        policy.ifPresent(value -> assignments.add("session_cap_policy = :policy"));
        if (!assignments.isEmpty()) {
            jdbi.useHandle(handle -> handle.createUpdate(
                            "update platforms set " + String.join(", ", assignments) + " where id = :id")
                    .bind(
                            "max",
                            max.flatMap(value -> value.isPresent() ? Optional.of(value.getAsInt()) : Optional.empty())
                                    .orElse(null))
                    .bind("policy", policy.map(StoredNames::of).orElse(null))
                    .bind("id", platformId)
                    .execute());
        }
        return sessionCap(platformId);
    }
}
