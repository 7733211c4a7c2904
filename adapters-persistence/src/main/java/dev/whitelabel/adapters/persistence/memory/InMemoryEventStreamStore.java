package dev.whitelabel.adapters.persistence.memory;

import dev.whitelabel.adapters.persistence.memory.InMemoryDatabase.SecurityEventRow;
import dev.whitelabel.adapters.persistence.memory.InMemoryDatabase.StreamRow;
import dev.whitelabel.domain.model.EmailAddress;
import dev.whitelabel.domain.model.EventStream;
import dev.whitelabel.domain.model.SecurityEvent;
import dev.whitelabel.domain.model.StreamPush;
import dev.whitelabel.domain.model.StreamStatus;
import dev.whitelabel.domain.model.StreamSubject;
import dev.whitelabel.domain.port.out.DuePush;
import dev.whitelabel.domain.port.out.EventStreamEntry;
import dev.whitelabel.domain.port.out.EventStreamStore;
import dev.whitelabel.domain.port.out.PendingSecurityEvent;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Streams and their outbox in memory, in the database's tables, as the SQL adapter keeps them: every
 * event due when written, held by a claim that meets it while its stream does not push, and due again
 * when its stream becomes a pushed and enabled one; the last push kept on the stream.
 */
final class InMemoryEventStreamStore implements EventStreamStore {

    private final InMemoryDatabase database;

    InMemoryEventStreamStore(InMemoryDatabase database) {
        this.database = database;
    }

    @Override
    public EventStream add(EventStreamEntry entry) {
        return database.locked(() -> {
            var stream = new EventStream(
                    database.nextId(),
                    entry.platformId(),
                    entry.audience(),
                    entry.delivery(),
                    entry.eventsRequested(),
                    entry.description(),
                    StreamStatus.ENABLED,
                    Optional.empty(),
                    entry.createdAt());
            database.eventStreams().put(stream.id(), new StreamRow(stream, Optional.empty(), Set.of()));
            return stream;
        });
    }

    @Override
    public List<EventStream> list(long platformId) {
        return database.locked(() -> database.eventStreams().values().stream()
                .map(StreamRow::stream)
                .filter(stream -> stream.platformId() == platformId)
                .toList());
    }

    @Override
    public Optional<EventStream> find(long platformId, long streamId) {
        return database.locked(() -> row(platformId, streamId).map(StreamRow::stream));
    }

    private Optional<StreamRow> row(long platformId, long streamId) {
        return Optional.ofNullable(database.eventStreams().get(streamId))
                .filter(row -> row.stream().platformId() == platformId);
    }

    /** Its settings and status; its audience and creation stay as stored. */
    @Override
    public boolean update(EventStream stream) {
        return database.locked(() -> {
            var found = row(stream.platformId(), stream.id());
            if (found.isEmpty()) {
                return false;
            }
            EventStream before = found.get().stream();
            var after = new EventStream(
                    before.id(),
                    before.platformId(),
                    before.audience(),
                    stream.delivery(),
                    stream.eventsRequested(),
                    stream.description(),
                    stream.status(),
                    stream.statusReason(),
                    before.createdAt());
            database.eventStreams()
                    .put(
                            stream.id(),
                            new StreamRow(
                                    after, found.get().lastPush(), found.get().removed()));
            if (!pushed(before) && pushed(after)) {
                events(row -> row.streamId() == stream.id() && row.failedAt().isEmpty())
                        .forEach(row -> put(row.nextAttemptAt(Optional.of(row.enqueuedAt()))));
            }
            return true;
        });
    }

    private static boolean pushed(EventStream stream) {
        return stream.delivery().isPush() && stream.status() == StreamStatus.ENABLED;
    }

    @Override
    public boolean delete(long platformId, long streamId) {
        return database.locked(() -> {
            if (row(platformId, streamId).isEmpty()) {
                return false;
            }
            database.eventStreams().remove(streamId);
            database.securityEvents().values().removeIf(row -> row.streamId() == streamId);
            return true;
        });
    }

    @Override
    public boolean removeSubject(long platformId, long streamId, StreamSubject subject) {
        return changeSubjects(platformId, streamId, removed -> removed.add(keyed(subject)));
    }

    @Override
    public boolean addSubject(long platformId, long streamId, StreamSubject subject) {
        return changeSubjects(platformId, streamId, removed -> removed.remove(keyed(subject)));
    }

    private boolean changeSubjects(long platformId, long streamId, Consumer<Set<StreamSubject>> change) {
        return database.locked(() -> row(platformId, streamId)
                .map(found -> {
                    Set<StreamSubject> removed = new HashSet<>(found.removed());
                    change.accept(removed);
                    database.eventStreams().put(streamId, new StreamRow(found.stream(), found.lastPush(), removed));
                    return true;
                })
                .orElse(false));
    }

    /** An email by its key, as users are looked up by. */
    private static StreamSubject keyed(StreamSubject subject) {
        return subject instanceof StreamSubject.ByEmail byEmail
                ? new StreamSubject.ByEmail(new EmailAddress(byEmail.email().key()))
                : subject;
    }

    @Override
    public void enqueue(SecurityEvent event, Instant now) {
        database.locked(() -> {
            for (var row : database.eventStreams().values()) {
                var stream = row.stream();
                if (stream.platformId() == event.platformId()
                        && stream.status() != StreamStatus.DISABLED
                        && stream.eventsRequested().contains(event.type())
                        && !removedFrom(row, event)) {
                    add(stream.id(), event, now);
                }
            }
            return event;
        });
    }

    private static boolean removedFrom(StreamRow row, SecurityEvent event) {
        return event.userId()
                        .map(StreamSubject.ById::new)
                        .filter(row.removed()::contains)
                        .isPresent()
                || event.email()
                        .map(email -> keyed(new StreamSubject.ByEmail(new EmailAddress(email))))
                        .filter(row.removed()::contains)
                        .isPresent();
    }

    @Override
    public void enqueueTo(long streamId, SecurityEvent event, Instant now) {
        database.locked(() -> {
            row(event.platformId(), streamId).ifPresent(found -> add(streamId, event, now));
            return event;
        });
    }

    private void add(long streamId, SecurityEvent event, Instant now) {
        long id = database.nextId();
        database.securityEvents().put(id, SecurityEventRow.due(id, streamId, event, now));
    }

    @Override
    public int dropPending(long platformId, long streamId) {
        return database.locked(() -> {
            if (row(platformId, streamId).isEmpty()) {
                return 0;
            }
            var dropped = events(row -> row.streamId() == streamId);
            dropped.forEach(row -> database.securityEvents().remove(row.id()));
            return dropped.size();
        });
    }

    @Override
    public List<PendingSecurityEvent> pending(long platformId, long streamId, int max) {
        return database.locked(() -> row(platformId, streamId).isEmpty()
                ? List.of()
                : database.securityEvents().values().stream()
                        .filter(row ->
                                row.streamId() == streamId && row.failedAt().isEmpty())
                        .limit(Math.max(max, 0))
                        .map(InMemoryEventStreamStore::pending)
                        .toList());
    }

    @Override
    public int acknowledge(long platformId, long streamId, Collection<Long> eventIds) {
        return database.locked(() -> {
            if (row(platformId, streamId).isEmpty()) {
                return 0;
            }
            var acknowledged = events(row -> row.streamId() == streamId && eventIds.contains(row.id()));
            acknowledged.forEach(row -> database.securityEvents().remove(row.id()));
            return acknowledged.size();
        });
    }

    @Override
    public List<DuePush> claimDuePushes(Instant now, Instant leaseUntil, int max) {
        return database.locked(() -> {
            var due = events(row -> row.failedAt().isEmpty()
                    && row.nextAttemptAt().map(at -> !at.isAfter(now)).orElse(false));
            Predicate<SecurityEventRow> live = row -> pushed(stream(row));
            // a claim that meets an event its stream does not push now holds it
            due.stream().filter(live.negate()).forEach(row -> put(row.nextAttemptAt(Optional.empty())));
            return due.stream()
                    .filter(live)
                    .sorted(Comparator.comparing((SecurityEventRow row) ->
                                    row.nextAttemptAt().orElseThrow())
                            .thenComparing(SecurityEventRow::id))
                    .limit(Math.max(max, 0))
                    .map(row -> {
                        put(row.claimed(now, leaseUntil));
                        return new DuePush(pending(row), stream(row), row.attempts(), leaseUntil);
                    })
                    .toList();
        });
    }

    @Override
    public void pushed(Collection<Long> eventIds) {
        database.locked(() -> {
            Map<Long, Instant> claimedAt = new TreeMap<>();
            for (var row : events(row -> eventIds.contains(row.id()))) {
                row.claimedAt().ifPresent(at -> claimedAt.merge(row.streamId(), at, (a, b) -> a.isAfter(b) ? a : b));
                database.securityEvents().remove(row.id());
            }
            claimedAt.forEach((streamId, at) -> recordPush(streamId, at, Optional.empty()));
            return eventIds;
        });
    }

    @Override
    public void pushFailed(long eventId, String error, Optional<Instant> nextAttemptAt, Instant now) {
        database.locked(() -> {
            var row = database.securityEvents().get(eventId);
            if (row != null) {
                String fitted = error.length() <= 255 ? error : error.substring(0, 255);
                recordPush(row.streamId(), now, Optional.of(fitted));
                put(row.failed(fitted, nextAttemptAt, now));
            }
            return row;
        });
    }

    /** The stream's last push, unless it has one of a later time. */
    private void recordPush(long streamId, Instant at, Optional<String> error) {
        database.eventStreams()
                .computeIfPresent(
                        streamId,
                        (id, row) -> row.lastPush()
                                        .filter(last -> last.at().isAfter(at))
                                        .isPresent()
                                ? row
                                : new StreamRow(row.stream(), Optional.of(new StreamPush(at, error)), row.removed()));
    }

    @Override
    public Optional<StreamPush> lastPush(long platformId, long streamId) {
        return database.locked(() -> row(platformId, streamId).flatMap(StreamRow::lastPush));
    }

    private List<SecurityEventRow> events(Predicate<SecurityEventRow> filter) {
        return database.securityEvents().values().stream().filter(filter).toList();
    }

    private void put(SecurityEventRow row) {
        database.securityEvents().put(row.id(), row);
    }

    private EventStream stream(SecurityEventRow row) {
        return database.eventStreams().get(row.streamId()).stream();
    }

    private static PendingSecurityEvent pending(SecurityEventRow row) {
        return new PendingSecurityEvent(row.id(), row.streamId(), row.event());
    }
}
