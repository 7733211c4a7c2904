package dev.whitelabel.adapters.persistence.jdbi;

import dev.whitelabel.domain.model.EmailAddress;
import dev.whitelabel.domain.model.EventStream;
import dev.whitelabel.domain.model.SecurityEvent;
import dev.whitelabel.domain.model.SecurityEventType;
import dev.whitelabel.domain.model.StreamDelivery;
import dev.whitelabel.domain.model.StreamPush;
import dev.whitelabel.domain.model.StreamStatus;
import dev.whitelabel.domain.model.StreamSubject;
import dev.whitelabel.domain.port.out.DuePush;
import dev.whitelabel.domain.port.out.EventStreamEntry;
import dev.whitelabel.domain.port.out.EventStreamStore;
import dev.whitelabel.domain.port.out.PendingSecurityEvent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;

/**
 * Streams in event_streams, their events in the security_events outbox (see V10).
 *
 * <p>Every event row is due for a push when written, whatever its stream, so that no change of the
 * stream made meanwhile can leave it out. A claim that meets a row its stream does not push now
 * (polled, paused or disabled) holds it, with no next attempt, so that no claim reads it again;
 * {@link #update} makes a stream's held rows due again when the stream becomes a pushed and enabled
 * one.
 *
 * <p>The last push is kept on the stream's row ({@code last_push_at}, {@code last_push_error}), since
 * an accepted event's row is deleted: {@link #pushFailed} writes its time and error; {@link #pushed},
 * which is given no time, writes the time its events were claimed, and no error. A record never
 * replaces one of a later time, so that of one round the failure recorded at its end outlives a
 * success of the same round.
 */
final class JdbiEventStreamStore implements EventStreamStore {

    /** The columns {@link #stream} reads, of event_streams as {@code s}. */
    private static final String STREAM = "s.id as s_id, s.platform_id as s_platform_id, s.audience, s.delivery_method,"
            + " s.endpoint_url, s.authorization_header, s.events_requested, s.description, s.status, s.status_reason,"
            + " s.created_at as s_created_at";

    /** The columns {@link #pending} reads, of security_events as {@code e}. */
    private static final String EVENT = "e.id as e_id, e.stream_id as e_stream_id, e.platform_id as e_platform_id,"
            + " e.event_type, e.occurred_at, e.user_id, e.email, e.token_id, e.kept_token_id, e.txn, e.state,"
            + " e.stream_status, e.status_reason as e_status_reason";

    private static final String PUSH = StoredNames.of(StreamDelivery.Method.PUSH);
    private static final String ENABLED = StoredNames.of(StreamStatus.ENABLED);
    private static final String DISABLED = StoredNames.of(StreamStatus.DISABLED);

    /**
     * How often a claim also looks for the events a race left undue (see {@link #claimDuePushes}): a
     * few seconds late for those, and nothing for every other claim.
     */
    private static final Duration SWEEP_EVERY = Duration.ofSeconds(5);

    private final GuardedJdbi jdbi;
    private volatile Instant lastSwept = Instant.EPOCH;

    JdbiEventStreamStore(GuardedJdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public EventStream add(EventStreamEntry entry) {
        long id = jdbi.withHandle(handle -> handle.createUpdate("""
                        insert into event_streams (platform_id, audience, delivery_method, endpoint_url,
                            authorization_header, events_requested, description, status, created_at)
                        values (:platformId, :audience, :method, :endpointUrl, :authorization, :events, :description,
                            :status, :createdAt)""")
                .bind("platformId", entry.platformId())
                .bind("audience", entry.audience())
                .bind("method", StoredNames.of(entry.delivery().method()))
                .bind("endpointUrl", entry.delivery().endpointUrl().orElse(null))
                .bind("authorization", entry.delivery().authorization().orElse(null))
                .bind("events", storedNames(entry.eventsRequested()))
                .bind("description", entry.description().orElse(null))
                .bind("status", ENABLED)
                .bind("createdAt", entry.createdAt())
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one());
        return new EventStream(
                id,
                entry.platformId(),
                entry.audience(),
                entry.delivery(),
                entry.eventsRequested(),
                entry.description(),
                StreamStatus.ENABLED,
                Optional.empty(),
                entry.createdAt());
    }

    @Override
    public List<EventStream> list(long platformId) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "select " + STREAM + " from event_streams s where s.platform_id = :platformId order by s.id")
                .bind("platformId", platformId)
                .map((rs, ctx) -> stream(rs))
                .list());
    }

    @Override
    public Optional<EventStream> find(long platformId, long streamId) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "select " + STREAM + " from event_streams s where s.id = :id and s.platform_id = :platformId")
                .bind("id", streamId)
                .bind("platformId", platformId)
                .map((rs, ctx) -> stream(rs))
                .findOne());
    }

    /**
     * The stream's row is locked first: a claim holding its events meanwhile is waited for, and then
     * its rows made due again, when the stream becomes a pushed and enabled one.
     */
    @Override
    public boolean update(EventStream stream) {
        return jdbi.inTransaction(handle -> {
            Optional<Boolean> wasPushed = handle.createQuery("""
                            select delivery_method, status from event_streams
                            where id = :id and platform_id = :platformId for update""")
                    .bind("id", stream.id())
                    .bind("platformId", stream.platformId())
                    .map((rs, ctx) ->
                            PUSH.equals(rs.getString("delivery_method")) && ENABLED.equals(rs.getString("status")))
                    .findOne();
            if (wasPushed.isEmpty()) {
                return false;
            }
            handle.createUpdate("""
                            update event_streams set delivery_method = :method, endpoint_url = :endpointUrl,
                                authorization_header = :authorization, events_requested = :events,
                                description = :description, status = :status, status_reason = :reason
                            where id = :id and platform_id = :platformId""")
                    .bind("method", StoredNames.of(stream.delivery().method()))
                    .bind("endpointUrl", stream.delivery().endpointUrl().orElse(null))
                    .bind("authorization", stream.delivery().authorization().orElse(null))
                    .bind("events", storedNames(stream.eventsRequested()))
                    .bind("description", stream.description().orElse(null))
                    .bind("status", StoredNames.of(stream.status()))
                    .bind("reason", stream.statusReason().orElse(null))
                    .bind("id", stream.id())
                    .bind("platformId", stream.platformId())
                    .execute();
            if (!wasPushed.get() && pushed(stream)) {
                // every event it holds, held by a claim or not: one a claim holds is waited for, then read again
                handle.createUpdate("""
                                update security_events set next_attempt_at = enqueued_at
                                where stream_id = :id and failed_at is null""").bind("id", stream.id()).execute();
            }
            return true;
        });
    }

    private static boolean pushed(EventStream stream) {
        return stream.delivery().isPush() && stream.status() == StreamStatus.ENABLED;
    }

    @Override
    public boolean delete(long platformId, long streamId) {
        return jdbi.withHandle(handle -> handle.createUpdate(
                                "delete from event_streams where id = :id and platform_id = :platformId")
                        .bind("id", streamId)
                        .bind("platformId", platformId)
                        .execute())
                == 1;
    }

    @Override
    public boolean removeSubject(long platformId, long streamId, StreamSubject subject) {
        return changeSubject(platformId, streamId, subject, """
                insert into event_stream_removed_subjects (stream_id, email_key, user_id)
                select id, :emailKey, :userId from event_streams
                where id = :streamId and not exists (
                    select 1 from event_stream_removed_subjects
                    where stream_id = :streamId and (email_key = :emailKey or user_id = :userId))""");
    }

    @Override
    public boolean addSubject(long platformId, long streamId, StreamSubject subject) {
        return changeSubject(platformId, streamId, subject, """
                delete from event_stream_removed_subjects
                where stream_id = :streamId and (email_key = :emailKey or user_id = :userId)""");
    }

    /** With the stream's row locked, so that a concurrent change of its subjects is waited for, not doubled. */
    private boolean changeSubject(long platformId, long streamId, StreamSubject subject, String change) {
        return jdbi.inTransaction(handle -> {
            if (!locked(handle, platformId, streamId)) {
                return false;
            }
            bindSubject(handle.createUpdate(change), streamId, subject).execute();
            return true;
        });
    }

    private static boolean locked(Handle handle, long platformId, long streamId) {
        return handle.createQuery(
                        "select id from event_streams where id = :id and platform_id = :platformId for update")
                .bind("id", streamId)
                .bind("platformId", platformId)
                .mapTo(Long.class)
                .findOne()
                .isPresent();
    }

    /** One of the subject's two columns is bound, the other null, which equals nothing. */
    private static Update bindSubject(Update update, long streamId, StreamSubject subject) {
        return update.bind("streamId", streamId)
                .bindByType(
                        "emailKey",
                        subject instanceof StreamSubject.ByEmail byEmail
                                ? byEmail.email().key()
                                : null,
                        String.class)
                .bindByType("userId", subject instanceof StreamSubject.ById byId ? byId.userId() : null, Long.class);
    }

    @Override
    public void enqueue(SecurityEvent event, Instant now) {
        // events_requested is a space-separated list of stored names: framed in spaces, one type is one
        // exact match (stored names hold no LIKE wildcard)
        jdbi.useHandle(handle -> bindEvent(handle.createUpdate(insertEvent("""
                                where platform_id = :platformId and status <> :disabled
                                  and ' ' || events_requested || ' ' like :framedType
                                  and not exists (
                                      select 1 from event_stream_removed_subjects r
                                      where r.stream_id = event_streams.id
                                        and (r.user_id = cast(:userId as bigint)
                                          or r.email_key = cast(:emailKey as varchar(254))))""")), event, now)
                .bind("disabled", DISABLED)
                .bind("framedType", "% " + StoredNames.of(event.type()) + " %")
                .bindByType(
                        "emailKey",
                        event.email()
                                .map(email -> new EmailAddress(email).key())
                                .orElse(null),
                        String.class)
                .execute());
    }

    @Override
    public void enqueueTo(long streamId, SecurityEvent event, Instant now) {
        jdbi.useHandle(handle -> bindEvent(
                        handle.createUpdate(insertEvent("where id = :streamId and platform_id = :platformId")),
                        event,
                        now)
                .bind("streamId", streamId)
                .execute());
    }

    /**
     * One row for each stream the {@code where} clause selects, of the event bound by {@link #bindEvent}.
     * A polled stream's row is written undue, so that no claim of pushes reads it and sets it aside, a
     * write more an event (V10 wrote every row due); {@link #update} sets due what a stream holds when it
     * becomes a pushed one, and {@link #claimDuePushes} what a race with that left undue.
     */
    private static String insertEvent(String where) {
        return """
                insert into security_events (stream_id, platform_id, event_type, occurred_at, user_id, email,
                    token_id, kept_token_id, txn, state, stream_status, status_reason, enqueued_at, next_attempt_at)
                select id, platform_id, :type, :occurredAt, cast(:userId as bigint), cast(:email as varchar(254)),
                    cast(:tokenId as bigint), cast(:keptTokenId as bigint), cast(:txn as bigint),
                    cast(:state as varchar(510)), cast(:streamStatus as varchar(16)), cast(:statusReason as varchar(510)),
                    :now, case when delivery_method = :push then cast(:now as timestamp with time zone) end
                from event_streams
                """ + where;
    }

    private static Update bindEvent(Update update, SecurityEvent event, Instant now) {
        return update.bind("platformId", event.platformId())
                .bind("type", StoredNames.of(event.type()))
                .bind("occurredAt", event.occurredAt())
                .bind("userId", event.userId().orElse(null))
                .bind("email", event.email().orElse(null))
                .bind("tokenId", event.tokenId().orElse(null))
                .bind("keptTokenId", event.keptTokenId().orElse(null))
                .bind("txn", event.transaction().orElse(null))
                .bind("state", event.state().orElse(null))
                .bind(
                        "streamStatus",
                        event.statusChange()
                                .map(change -> StoredNames.of(change.status()))
                                .orElse(null))
                .bind(
                        "statusReason",
                        event.statusChange()
                                .flatMap(SecurityEvent.StatusChange::reason)
                                .orElse(null))
                .bind("push", PUSH)
                .bind("now", now);
    }

    @Override
    public int dropPending(long platformId, long streamId) {
        return jdbi.withHandle(handle -> handle.createUpdate(
                        "delete from security_events where stream_id = :streamId and platform_id = :platformId")
                .bind("streamId", streamId)
                .bind("platformId", platformId)
                .execute());
    }

    @Override
    public List<PendingSecurityEvent> pending(long platformId, long streamId, int max) {
        if (max <= 0) {
            return List.of();
        }
        return jdbi.withHandle(handle -> handle.createQuery("select " + EVENT + """

                         from security_events e
                        where e.stream_id = :streamId and e.platform_id = :platformId and e.failed_at is null
                        order by e.id limit :max""")
                .bind("streamId", streamId)
                .bind("platformId", platformId)
                .bind("max", max)
                .map((rs, ctx) -> pending(rs))
                .list());
    }

    @Override
    public int acknowledge(long platformId, long streamId, Collection<Long> eventIds) {
        if (eventIds.isEmpty()) {
            return 0;
        }
        return jdbi.withHandle(handle -> handle.createUpdate("""
                        delete from security_events
                        where id = any(:ids) and stream_id = :streamId and platform_id = :platformId""")
                .bindArray("ids", Long.class, List.copyOf(eventIds))
                .bind("streamId", streamId)
                .bind("platformId", platformId)
                .execute());
    }

    /**
     * A batch at a time, oldest due first: the rows of pushed and enabled streams leased, the others
     * held. A batch of nothing but held rows says nothing of what else is due, so claiming goes on
     * until the claim is full, nothing due is left, or other claimers hold all that this one chose.
     */
    @Override
    public List<DuePush> claimDuePushes(Instant now, Instant leaseUntil, int max) {
        if (max <= 0) {
            return List.of();
        }
        return jdbi.inTransaction(handle -> {
            if (!now.isBefore(lastSwept.plus(SWEEP_EVERY))) {
                lastSwept = now;
                // An event written by a transaction that read its stream as polled, before update() made it
                // a pushed one, and committed after it, was left undue by both: it is found here. Every
                // other event of a pushed and enabled stream is due, leased, failed or gone already.
                handle.createUpdate("""
                                update security_events set next_attempt_at = enqueued_at
                                where next_attempt_at is null and failed_at is null and stream_id in
                                    (select id from event_streams where delivery_method = :push and status = :enabled)""")
                        .bind("push", PUSH)
                        .bind("enabled", ENABLED)
                        .execute();
            }
            List<DuePush> claimed = new ArrayList<>();
            while (claimed.size() < max) {
                int room = max - claimed.size();
                // read through the index on the due time, without locking: H2 sorts every due row
                // of a query that locks, however few it keeps
                List<Long> chosen = handle.createQuery("""
                                select id from security_events where next_attempt_at <= :now and failed_at is null
                                order by next_attempt_at, id limit :room""")
                        .bind("now", now)
                        .bind("room", room)
                        .mapTo(Long.class)
                        .list();
                if (chosen.isEmpty()) {
                    break;
                }
                // rows other claimers hold skipped, the due time checked again once a row is locked:
                // instances never claim the same event
                List<Long> ids = handle.createQuery("""
                                select id from security_events where id = any(:chosen) and next_attempt_at <= :now
                                order by next_attempt_at, id for update skip locked""")
                        .bind("now", now)
                        .bindArray("chosen", Long.class, chosen)
                        .mapTo(Long.class)
                        .list();
                if (ids.isEmpty()) {
                    break;
                }
                claimed.addAll(claimBatch(handle, ids, now, leaseUntil));
                if (chosen.size() < room) {
                    break;
                }
            }
            return claimed;
        });
    }

    private static List<DuePush> claimBatch(Handle handle, List<Long> ids, Instant now, Instant leaseUntil) {
        Map<Long, DuePush> live = new HashMap<>();
        List<Long> held = new ArrayList<>();
        handle.createQuery("select " + EVENT + ", e.attempts, " + STREAM + """

                         from security_events e join event_streams s on s.id = e.stream_id
                        where e.id = any(:ids)""")
                .bindArray("ids", Long.class, ids)
                .map((rs, ctx) -> new DuePush(pending(rs), stream(rs), rs.getInt("attempts"), leaseUntil))
                .forEach(push -> {
                    if (pushed(push.stream())) {
                        live.put(push.pending().id(), push);
                    } else {
                        held.add(push.pending().id());
                    }
                });
        if (!held.isEmpty()) {
            handle.createUpdate("update security_events set next_attempt_at = null where id = any(:ids)")
                    .bindArray("ids", Long.class, held)
                    .execute();
        }
        if (live.isEmpty()) {
            return List.of();
        }
        handle.createUpdate(
                        "update security_events set next_attempt_at = :lease, claimed_at = :now where id = any(:ids)")
                .bind("lease", leaseUntil)
                .bind("now", now)
                .bindArray("ids", Long.class, List.copyOf(live.keySet()))
                .execute();
        return ids.stream().filter(live::containsKey).map(live::get).toList();
    }

    /**
     * Each stream's last push first, one statement each in stream id order, then the events: the order
     * in which {@link #update} and {@link #delete} take the same rows.
     */
    @Override
    public void pushed(Collection<Long> eventIds) {
        if (eventIds.isEmpty()) {
            return;
        }
        jdbi.useHandle(handle -> {
            Map<Long, Instant> claimedAt = new TreeMap<>();
            handle.createQuery("""
                            select stream_id, max(claimed_at) as claimed_at from security_events
                            where id = any(:ids) and claimed_at is not null group by stream_id""")
                    .bindArray("ids", Long.class, List.copyOf(eventIds))
                    .map((rs, ctx) -> Map.entry(
                            rs.getLong("stream_id"),
                            rs.getTimestamp("claimed_at").toInstant()))
                    .forEach(entry -> claimedAt.put(entry.getKey(), entry.getValue()));
            claimedAt.forEach((streamId, at) -> recordPush(handle, streamId, at, Optional.empty()));
            handle.createUpdate("delete from security_events where id = any(:ids)")
                    .bindArray("ids", Long.class, List.copyOf(eventIds))
                    .execute();
        });
    }

    @Override
    public void pushFailed(long eventId, String error, Optional<Instant> nextAttemptAt, Instant now) {
        String fitted = fitted(error);
        jdbi.useHandle(handle -> {
            handle.createQuery("select stream_id from security_events where id = :id")
                    .bind("id", eventId)
                    .mapTo(Long.class)
                    .findOne()
                    .ifPresent(streamId -> recordPush(handle, streamId, now, Optional.of(fitted)));
            handle.createUpdate("""
                            update security_events set attempts = attempts + 1, last_error = :error,
                                last_attempt_at = :now, next_attempt_at = :next, failed_at = :failedAt
                            where id = :id""")
                    .bind("error", fitted)
                    .bind("now", now)
                    .bind("next", nextAttemptAt.orElse(null))
                    .bind("failedAt", nextAttemptAt.isPresent() ? null : now)
                    .bind("id", eventId)
                    .execute();
        });
    }

    /** The stream's last push, unless it has one of a later time. */
    private static void recordPush(Handle handle, long streamId, Instant at, Optional<String> error) {
        handle.createUpdate("""
                        update event_streams set last_push_at = :at, last_push_error = :error
                        where id = :id and (last_push_at is null or last_push_at <= :at)""")
                .bind("at", at)
                .bind("error", error.orElse(null))
                .bind("id", streamId)
                .execute();
    }

    @Override
    public Optional<StreamPush> lastPush(long platformId, long streamId) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        select last_push_at, last_push_error from event_streams
                        where id = :id and platform_id = :platformId and last_push_at is not null""")
                .bind("id", streamId)
                .bind("platformId", platformId)
                .map((rs, ctx) -> new StreamPush(
                        rs.getTimestamp("last_push_at").toInstant(),
                        Optional.ofNullable(rs.getString("last_push_error"))))
                .findOne());
    }

    private static EventStream stream(ResultSet rs) throws SQLException {
        StreamDelivery delivery = switch (StoredNames.deliveryMethod(rs.getString("delivery_method"))) {
            case PUSH ->
                StreamDelivery.push(
                        rs.getString("endpoint_url"), Optional.ofNullable(rs.getString("authorization_header")));
            case POLL -> StreamDelivery.POLL;
        };
        return new EventStream(
                rs.getLong("s_id"),
                rs.getLong("s_platform_id"),
                rs.getString("audience"),
                delivery,
                eventTypes(rs.getString("events_requested")),
                Optional.ofNullable(rs.getString("description")),
                StoredNames.streamStatus(rs.getString("status")),
                Optional.ofNullable(rs.getString("status_reason")),
                rs.getTimestamp("s_created_at").toInstant());
    }

    private static PendingSecurityEvent pending(ResultSet rs) throws SQLException {
        return new PendingSecurityEvent(
                rs.getLong("e_id"),
                rs.getLong("e_stream_id"),
                new SecurityEvent(
                        StoredNames.securityEventType(rs.getString("event_type")),
                        rs.getTimestamp("occurred_at").toInstant(),
                        rs.getLong("e_platform_id"),
                        optionalLong(rs, "user_id"),
                        Optional.ofNullable(rs.getString("email")),
                        optionalLong(rs, "token_id"),
                        optionalLong(rs, "kept_token_id"),
                        optionalLong(rs, "txn"),
                        Optional.ofNullable(rs.getString("state")),
                        statusChange(rs)));
    }

    private static Optional<SecurityEvent.StatusChange> statusChange(ResultSet rs) throws SQLException {
        String status = rs.getString("stream_status");
        if (status == null) {
            return Optional.empty();
        }
        return Optional.of(new SecurityEvent.StatusChange(
                StoredNames.streamStatus(status), Optional.ofNullable(rs.getString("e_status_reason"))));
    }

    private static Optional<Long> optionalLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(value);
    }

    private static Set<SecurityEventType> eventTypes(String stored) {
        return Arrays.stream(stored.split(" "))
                .filter(name -> !name.isEmpty())
                .map(StoredNames::securityEventType)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(SecurityEventType.class)));
    }

    private static String storedNames(Set<SecurityEventType> types) {
        return types.stream().map(StoredNames::of).sorted().collect(Collectors.joining(" "));
    }

    /** An error text fits its column; it is the pusher's own words, never the receiver's. */
    private static String fitted(String error) {
        return error.length() <= 255 ? error : error.substring(0, 255);
    }
}
