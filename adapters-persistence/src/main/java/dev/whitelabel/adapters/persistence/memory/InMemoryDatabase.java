package dev.whitelabel.adapters.persistence.memory;

import dev.whitelabel.domain.model.Device;
import dev.whitelabel.domain.model.Page;
import dev.whitelabel.domain.model.PageRequest;
import dev.whitelabel.domain.model.Platform;
import dev.whitelabel.domain.model.RecordedAuditEvent;
import dev.whitelabel.domain.model.ServiceClientCredential;
import dev.whitelabel.domain.model.SessionCap;
import dev.whitelabel.domain.model.TokenCredential;
import dev.whitelabel.domain.model.TokenDigest;
import dev.whitelabel.domain.model.TokenSummary;
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

    record UserRow(User user, String emailKey, Optional<String> passwordHash, long tokenGeneration, boolean deleted) {
        UserRow nextGeneration() {
            return new UserRow(user, emailKey, passwordHash, tokenGeneration + 1, deleted);
        }

        UserRow withPasswordHash(String hash) {
            return new UserRow(user, emailKey, Optional.of(hash), tokenGeneration, deleted);
        }

        UserRow disabledSince(Optional<Instant> disabledAt) {
            var changed = new User(user.id(), user.platformId(), user.name(), user.email(), user.role(), user.createdAt(),
                    disabledAt);
            return new UserRow(changed, emailKey, passwordHash, tokenGeneration, deleted);
        }

        /** As the SQL adapter leaves a deleted user: the id, and no name, email or password. */
        UserRow forgotten() {
            var anonymous = new User(user.id(), user.platformId(), "", "", user.role(), user.createdAt(),
                    user.disabledAt());
            return new UserRow(anonymous, "deleted:" + user.id(), Optional.empty(), tokenGeneration, true);
        }
    }

    record TokenRow(
            long id,
            long userId,
            String name,
            TokenDigest digest,
            long generation,
            Instant createdAt,
            Optional<Instant> lastUsedAt,
            Optional<Instant> expiresAt,
            Optional<Instant> revokedAt,
            Device device,
            Optional<String> lastUsedIp) {

        boolean isLiveAt(Instant now, long currentGeneration) {
            return revokedAt.isEmpty()
                    && generation == currentGeneration
                    && expiresAt.map(now::isBefore).orElse(true);
        }

        TokenRow revokedAt(Instant now) {
            return new TokenRow(id, userId, name, digest, generation, createdAt, lastUsedAt, expiresAt, Optional.of(now),
                    device, lastUsedIp);
        }

        TokenRow inGeneration(long next) {
            return new TokenRow(id, userId, name, digest, next, createdAt, lastUsedAt, expiresAt, revokedAt, device,
                    lastUsedIp);
        }

        TokenRow usedAt(Instant now, Optional<String> ip) {
            return new TokenRow(id, userId, name, digest, generation, createdAt, Optional.of(now), expiresAt, revokedAt,
                    device, ip.or(() -> lastUsedIp));
        }

        TokenSummary summary(Optional<Instant> generationEndedAt) {
            return new TokenSummary(id, name, createdAt, lastUsedAt, expiresAt, revokedAt.or(() -> generationEndedAt),
                    device, lastUsedIp);
        }
    }

    record Generation(long userId, long generation) {}

    record ServiceClientRow(ServiceClientCredential credential, Optional<Instant> deletedAt) {}

    final Map<Long, Platform> platforms = new HashMap<>();
    final Map<Long, SessionCap> sessionCaps = new HashMap<>();
    final Map<Long, UserRow> users = new HashMap<>();
    final Map<Long, TokenRow> tokens = new HashMap<>();
    final Map<Generation, Instant> endedGenerations = new HashMap<>();
    final List<RecordedAuditEvent> auditEvents = new ArrayList<>();
    final Map<Long, ServiceClientRow> serviceClients = new HashMap<>();
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

    /** The user, unless deleted. */
    Optional<UserRow> userOnPlatform(long platformId, long userId) {
        return Optional.ofNullable(users.get(userId))
                .filter(row -> row.user().platformId() == platformId && !row.deleted());
    }

    /** The token with its owner, unless it is revoked one by one or all at once. */
    Optional<TokenCredential> unrevoked(long tokenId) {
        return Optional.ofNullable(tokens.get(tokenId)).flatMap(token -> {
            UserRow owner = users.get(token.userId());
            if (token.revokedAt().isPresent() || token.generation() != owner.tokenGeneration()) {
                return Optional.empty();
            }
            return Optional.of(new TokenCredential(
                    token.id(), token.digest(), token.createdAt(), token.expiresAt(), token.lastUsedAt(), owner.user()));
        });
    }

    Optional<Instant> endOf(TokenRow token) {
        return Optional.ofNullable(endedGenerations.get(new Generation(token.userId(), token.generation())));
    }

    RecordedAuditEvent auditEvent(long id) {
        return auditEvents.stream().filter(recorded -> recorded.id() == id).findFirst().orElseThrow();
    }

    /** A page of {@code all}, which is already in the listing's order. */
    static <T> Page<T> page(List<T> all, PageRequest request) {
        int from = (int) Math.min(all.size(), request.offset());
        int to = Math.min(all.size(), from + request.perPage());
        return new Page<>(all.subList(from, to), request, all.size());
    }
}
