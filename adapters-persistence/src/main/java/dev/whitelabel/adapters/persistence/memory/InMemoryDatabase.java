package dev.whitelabel.adapters.persistence.memory;

import dev.whitelabel.domain.model.Abilities;
import dev.whitelabel.domain.model.Device;
import dev.whitelabel.domain.model.EventStream;
import dev.whitelabel.domain.model.Page;
import dev.whitelabel.domain.model.PageRequest;
import dev.whitelabel.domain.model.Platform;
import dev.whitelabel.domain.model.RecordedAuditEvent;
import dev.whitelabel.domain.model.SecurityEvent;
import dev.whitelabel.domain.model.ServiceClientCredential;
import dev.whitelabel.domain.model.SessionCap;
import dev.whitelabel.domain.model.SigningKey;
import dev.whitelabel.domain.model.StreamPush;
import dev.whitelabel.domain.model.StreamSubject;
import dev.whitelabel.domain.model.TokenCredential;
import dev.whitelabel.domain.model.TokenDigest;
import dev.whitelabel.domain.model.TokenSummary;
import dev.whitelabel.domain.model.User;
import dev.whitelabel.domain.model.WebhookDelivery;
import dev.whitelabel.domain.model.WebhookEndpoint;
import dev.whitelabel.domain.model.WebhookEvent;
import dev.whitelabel.domain.model.WebhookSigning;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * The tables of the in-memory adapter, all or nothing as a database's are. One reentrant lock
 * serialises every operation ({@link #locked}) and every transaction ({@link #inTransaction}): a
 * transaction copies every table first and puts the copy back if its work throws, so a failed
 * transaction leaves nothing behind; an operation or transaction inside it joins it. A single
 * operation outside a transaction copies nothing (a check of a token on every request must not
 * cost a copy of every table), so each one checks before it writes. The copies are shallow, so
 * every row is an immutable record, replaced rather than changed.
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
            var changed = new User(
                    user.id(), user.platformId(), user.name(), user.email(), user.role(), user.createdAt(), disabledAt);
            return new UserRow(changed, emailKey, passwordHash, tokenGeneration, deleted);
        }

        /** As the SQL adapter leaves a deleted user: the id, and no name, email or password. */
        UserRow forgotten() {
            var anonymous =
                    new User(user.id(), user.platformId(), "", "", user.role(), user.createdAt(), user.disabledAt());
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
            Optional<String> lastUsedIp,
            Abilities abilities) {

        boolean isLiveAt(Instant now, long currentGeneration) {
            return revokedAt.isEmpty()
                    && generation == currentGeneration
                    && expiresAt.map(now::isBefore).orElse(true);
        }

        TokenRow revokedAt(Instant now) {
            return new TokenRow(
                    id,
                    userId,
                    name,
                    digest,
                    generation,
                    createdAt,
                    lastUsedAt,
                    expiresAt,
                    Optional.of(now),
                    device,
                    lastUsedIp,
                    abilities);
        }

        TokenRow inGeneration(long next) {
            return new TokenRow(
                    id,
                    userId,
                    name,
                    digest,
                    next,
                    createdAt,
                    lastUsedAt,
                    expiresAt,
                    revokedAt,
                    device,
                    lastUsedIp,
                    abilities);
        }

        TokenRow usedAt(Instant now, Optional<String> ip) {
            return new TokenRow(
                    id,
                    userId,
                    name,
                    digest,
                    generation,
                    createdAt,
                    Optional.of(now),
                    expiresAt,
                    revokedAt,
                    device,
                    ip.or(() -> lastUsedIp),
                    abilities);
        }

        TokenSummary summary(Optional<Instant> generationEndedAt) {
            return new TokenSummary(
                    id,
                    name,
                    createdAt,
                    lastUsedAt,
                    expiresAt,
                    revokedAt.or(() -> generationEndedAt),
                    device,
                    lastUsedIp,
                    abilities);
        }
    }

    record Generation(long userId, long generation) {}

    record ServiceClientRow(ServiceClientCredential credential, Optional<Instant> deletedAt) {}

    /** {@code emailHash} is null once the email is forgotten, as in the SQL table. */
    record LoginFailureRow(long id, long platformId, String emailHash, Optional<String> ip, Instant at) {}

    record ClientFailureRow(String clientKey, Instant at) {}

    record EndpointRow(WebhookEndpoint endpoint, String secret, Optional<Instant> deletedAt) {}

    /** A delivery of the outbox as it stands after its latest attempt. */
    record DeliveryRow(
            long id,
            long endpointId,
            WebhookEvent event,
            int attempts,
            Optional<Integer> lastStatus,
            Optional<String> lastError,
            Optional<Instant> nextAttemptAt,
            Optional<Instant> deliveredAt,
            Optional<Instant> failedAt) {

        static DeliveryRow due(long id, long endpointId, WebhookEvent event, Instant due) {
            return new DeliveryRow(
                    id,
                    endpointId,
                    event,
                    0,
                    Optional.empty(),
                    Optional.empty(),
                    Optional.of(due),
                    Optional.empty(),
                    Optional.empty());
        }

        /** Claimed until {@code next}, or, when empty, never attempted again. */
        DeliveryRow nextAttemptAt(Optional<Instant> next) {
            return new DeliveryRow(id, endpointId, event, attempts, lastStatus, lastError, next, deliveredAt, failedAt);
        }

        DeliveryRow delivered(int status, Instant now) {
            return new DeliveryRow(
                    id,
                    endpointId,
                    event,
                    attempts + 1,
                    Optional.of(status),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.of(now),
                    failedAt);
        }

        DeliveryRow failed(Optional<Integer> status, Optional<String> error, Optional<Instant> next, Instant now) {
            return new DeliveryRow(
                    id,
                    endpointId,
                    event,
                    attempts + 1,
                    status,
                    error,
                    next,
                    deliveredAt,
                    next.isPresent() ? Optional.empty() : Optional.of(now));
        }

        DeliveryRow retriedAt(Instant now) {
            return new DeliveryRow(
                    id,
                    endpointId,
                    event,
                    attempts,
                    lastStatus,
                    lastError,
                    Optional.of(now),
                    deliveredAt,
                    Optional.empty());
        }

        WebhookDelivery delivery(String secret) {
            return new WebhookDelivery(
                    id,
                    endpointId,
                    WebhookSigning.messageId(secret, event.auditEventId()),
                    event.type(),
                    event.timestamp(),
                    attempts,
                    lastStatus,
                    lastError,
                    nextAttemptAt,
                    deliveredAt,
                    failedAt);
        }
    }

    /**
     * A Shared Signals stream, its most recent push, and the subjects its receiver removed, each email
     * by its key.
     */
    record StreamRow(EventStream stream, Optional<StreamPush> lastPush, Set<StreamSubject> removed) {

        StreamRow {
            removed = Set.copyOf(removed);
        }
    }

    /** An event of a stream's outbox as it stands after its latest attempt; {@code claimedAt} is its latest claim. */
    record SecurityEventRow(
            long id,
            long streamId,
            SecurityEvent event,
            Instant enqueuedAt,
            int attempts,
            Optional<Instant> nextAttemptAt,
            Optional<Instant> claimedAt,
            Optional<String> lastError,
            Optional<Instant> lastAttemptAt,
            Optional<Instant> failedAt) {

        static SecurityEventRow due(long id, long streamId, SecurityEvent event, Instant now) {
            return new SecurityEventRow(
                    id,
                    streamId,
                    event,
                    now,
                    0,
                    Optional.of(now),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.empty());
        }

        /** Due then, or, when empty, held until its stream pushes again. */
        SecurityEventRow nextAttemptAt(Optional<Instant> next) {
            return new SecurityEventRow(
                    id, streamId, event, enqueuedAt, attempts, next, claimedAt, lastError, lastAttemptAt, failedAt);
        }

        SecurityEventRow claimed(Instant now, Instant leaseUntil) {
            return new SecurityEventRow(
                    id,
                    streamId,
                    event,
                    enqueuedAt,
                    attempts,
                    Optional.of(leaseUntil),
                    Optional.of(now),
                    lastError,
                    lastAttemptAt,
                    failedAt);
        }

        SecurityEventRow failed(String error, Optional<Instant> next, Instant now) {
            return new SecurityEventRow(
                    id,
                    streamId,
                    event,
                    enqueuedAt,
                    attempts + 1,
                    next,
                    claimedAt,
                    Optional.of(error),
                    Optional.of(now),
                    next.isPresent() ? Optional.empty() : Optional.of(now));
        }
    }

    /** Every table; the constructor of {@link #copy} names each, so none is left out of a rollback. */
    private record Tables(
            Map<Long, Platform> platforms,
            Map<Long, SessionCap> sessionCaps,
            Map<Long, UserRow> users,
            Map<Long, TokenRow> tokens,
            Map<Generation, Instant> endedGenerations,
            List<RecordedAuditEvent> auditEvents,
            Map<Long, ServiceClientRow> serviceClients,
            List<LoginFailureRow> loginFailures,
            List<ClientFailureRow> serviceClientFailures,
            Map<Long, EndpointRow> webhookEndpoints,
            Map<Long, DeliveryRow> webhookDeliveries,
            Map<Long, StreamRow> eventStreams,
            Map<Long, SecurityEventRow> securityEvents,
            Map<Long, SigningKey> signingKeys) {

        static Tables empty() {
            return new Tables(
                    new HashMap<>(),
                    new HashMap<>(),
                    new HashMap<>(),
                    new HashMap<>(),
                    new HashMap<>(),
                    new ArrayList<>(),
                    new HashMap<>(),
                    new ArrayList<>(),
                    new ArrayList<>(),
                    new LinkedHashMap<>(),
                    new LinkedHashMap<>(),
                    new LinkedHashMap<>(),
                    new LinkedHashMap<>(),
                    new LinkedHashMap<>());
        }

        Tables copy() {
            return new Tables(
                    new HashMap<>(platforms),
                    new HashMap<>(sessionCaps),
                    new HashMap<>(users),
                    new HashMap<>(tokens),
                    new HashMap<>(endedGenerations),
                    new ArrayList<>(auditEvents),
                    new HashMap<>(serviceClients),
                    new ArrayList<>(loginFailures),
                    new ArrayList<>(serviceClientFailures),
                    new LinkedHashMap<>(webhookEndpoints),
                    new LinkedHashMap<>(webhookDeliveries),
                    new LinkedHashMap<>(eventStreams),
                    new LinkedHashMap<>(securityEvents),
                    new LinkedHashMap<>(signingKeys));
        }
    }

    private final ReentrantLock lock = new ReentrantLock();
    private Tables tables = Tables.empty();
    private long lastId;

    /**
     * Ids are global across tables, as a hint that no id means anything outside its own table. Like a
     * database sequence, a rollback does not hand them out again.
     */
    long nextId() {
        return ++lastId;
    }

    /** Runs one operation holding the one lock, inside the transaction around it if there is one. */
    <T> T locked(Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Runs {@code work} holding the one lock, all or nothing: the outermost transaction puts every
     * table back as it was when {@code work} throws; a nested one joins it.
     */
    <T> T inTransaction(Supplier<T> work) {
        lock.lock();
        try {
            if (lock.getHoldCount() > 1) {
                return work.get();
            }
            Tables before = tables.copy();
            try {
                return work.get();
            } catch (RuntimeException | Error failure) {
                tables = before;
                throw failure;
            }
        } finally {
            lock.unlock();
        }
    }

    Map<Long, Platform> platforms() {
        return tables.platforms();
    }

    Map<Long, SessionCap> sessionCaps() {
        return tables.sessionCaps();
    }

    Map<Long, UserRow> users() {
        return tables.users();
    }

    Map<Long, TokenRow> tokens() {
        return tables.tokens();
    }

    Map<Generation, Instant> endedGenerations() {
        return tables.endedGenerations();
    }

    List<RecordedAuditEvent> auditEvents() {
        return tables.auditEvents();
    }

    Map<Long, ServiceClientRow> serviceClients() {
        return tables.serviceClients();
    }

    List<LoginFailureRow> loginFailures() {
        return tables.loginFailures();
    }

    List<ClientFailureRow> serviceClientFailures() {
        return tables.serviceClientFailures();
    }

    Map<Long, EndpointRow> webhookEndpoints() {
        return tables.webhookEndpoints();
    }

    Map<Long, DeliveryRow> webhookDeliveries() {
        return tables.webhookDeliveries();
    }

    /** In id order, oldest first. */
    Map<Long, StreamRow> eventStreams() {
        return tables.eventStreams();
    }

    /** In id order, oldest first. */
    Map<Long, SecurityEventRow> securityEvents() {
        return tables.securityEvents();
    }

    /** In id order, oldest first. */
    Map<Long, SigningKey> signingKeys() {
        return tables.signingKeys();
    }

    /** The user, unless deleted. */
    Optional<UserRow> userOnPlatform(long platformId, long userId) {
        return Optional.ofNullable(users().get(userId))
                .filter(row -> row.user().platformId() == platformId && !row.deleted());
    }

    /** The token with its owner, unless it is revoked one by one or all at once. */
    Optional<TokenCredential> unrevoked(long tokenId) {
        return Optional.ofNullable(tokens().get(tokenId)).flatMap(token -> {
            UserRow owner = users().get(token.userId());
            if (token.revokedAt().isPresent() || token.generation() != owner.tokenGeneration()) {
                return Optional.empty();
            }
            return Optional.of(new TokenCredential(
                    token.id(),
                    token.digest(),
                    token.createdAt(),
                    token.expiresAt(),
                    token.lastUsedAt(),
                    token.abilities(),
                    owner.user()));
        });
    }

    Optional<Instant> endOf(TokenRow token) {
        return Optional.ofNullable(endedGenerations().get(new Generation(token.userId(), token.generation())));
    }

    RecordedAuditEvent auditEvent(long id) {
        return auditEvents().stream()
                .filter(recorded -> recorded.id() == id)
                .findFirst()
                .orElseThrow();
    }

    /** A page of {@code all}, which is already in the listing's order. */
    static <T> Page<T> page(List<T> all, PageRequest request) {
        int from = (int) Math.min(all.size(), request.offset());
        int to = Math.min(all.size(), from + request.perPage());
        return new Page<>(all.subList(from, to), request, all.size());
    }
}
