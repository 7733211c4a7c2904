package dev.whitelabel.adapters.persistence.memory;

import dev.whitelabel.domain.model.AuditEvent;
import dev.whitelabel.domain.model.Platform;
import dev.whitelabel.domain.model.TokenDigest;
import dev.whitelabel.domain.model.User;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The tables of the in-memory adapter. One reentrant lock serialises every operation, so a
 * transaction is simply holding the lock; there is no rollback, which is why use cases check
 * before they write.
 */
final class InMemoryDatabase {

    record UserRow(User user, String emailKey, Optional<String> passwordHash, long tokenGeneration) {}

    record TokenRow(
            long id,
            long userId,
            String name,
            TokenDigest digest,
            long generation,
            Instant createdAt,
            Optional<Instant> expiresAt,
            Optional<Instant> revokedAt) {

        boolean isLiveAt(Instant now, long currentGeneration) {
            return revokedAt.isEmpty()
                    && generation == currentGeneration
                    && expiresAt.map(now::isBefore).orElse(true);
        }

        TokenRow revokedAt(Instant now) {
            return new TokenRow(id, userId, name, digest, generation, createdAt, expiresAt, Optional.of(now));
        }
    }

    final Map<Long, Platform> platforms = new HashMap<>();
    final Map<Long, UserRow> users = new HashMap<>();
    final Map<Long, TokenRow> tokens = new HashMap<>();
    final List<AuditEvent> auditEvents = new ArrayList<>();
    private final ReentrantLock lock = new ReentrantLock();
    private long lastId;

    /** Ids are global across tables, as a hint that no id means anything outside its own table. */
    long nextId() {
        return ++lastId;
    }

    <T> T locked(Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    Optional<UserRow> userOnPlatform(long platformId, long userId) {
        return Optional.ofNullable(users.get(userId)).filter(row -> row.user().platformId() == platformId);
    }
}
