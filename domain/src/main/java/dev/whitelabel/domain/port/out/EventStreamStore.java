package dev.whitelabel.domain.port.out;

import dev.whitelabel.domain.model.EventStream;
import dev.whitelabel.domain.model.SecurityEvent;
import dev.whitelabel.domain.model.StreamPush;
import dev.whitelabel.domain.model.StreamSubject;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The Shared Signals streams of every platform and the outbox of their events. Events are written in
 * the transaction of the change they tell of, so a stream holds one exactly when that committed.
 * Every call but the claiming and recording of pushes is confined to one platform.
 */
public interface EventStreamStore {

    EventStream add(EventStreamEntry stream);

    /** The platform's streams, oldest first. */
    List<EventStream> list(long platformId);

    /** The stream matched by its id and platform together. */
    Optional<EventStream> find(long platformId, long streamId);

    /** Stores the stream's settings and status, matched by its id and platform; false when none. */
    boolean update(EventStream stream);

    /** Deletes the stream and every event it holds; false when it is not the platform's. */
    boolean delete(long platformId, long streamId);

    /** The stream no longer takes events of the subject; false when the stream is not the platform's. */
    boolean removeSubject(long platformId, long streamId, StreamSubject subject);

    /** The stream takes events of the subject again; false when the stream is not the platform's. */
    boolean addSubject(long platformId, long streamId, StreamSubject subject);

    /**
     * The event, once in every stream of its platform that is not disabled, requested its type, and
     * did not remove its user, by id or by the key of the email it carries. One statement, whatever the
     * streams: a logout pays the same for it with one stream or none.
     */
    void enqueue(SecurityEvent event, Instant now);

    /** The event in that one stream of the platform, whatever it requested (a verification). */
    void enqueueTo(long streamId, SecurityEvent event, Instant now);

    /** Forgets every event the platform's stream holds (it was disabled); answers how many. */
    int dropPending(long platformId, long streamId);

    /** The oldest {@code max} events the platform's stream holds, oldest first. */
    List<PendingSecurityEvent> pending(long platformId, long streamId, int max);

    /** Whether the stream holds more than the {@code max} oldest events. */
    default boolean holdsMoreThan(long platformId, long streamId, int max) {
        return pending(platformId, streamId, max + 1).size() > max;
    }

    /** Forgets those of the events, by id, that the platform's stream holds; answers how many. */
    int acknowledge(long platformId, long streamId, Collection<Long> eventIds);

    /**
     * Claims up to {@code max} events due at {@code now} of enabled pushed streams, oldest first, putting
     * their next attempt at {@code leaseUntil}: no other instance claims them meanwhile, and one whose
     * sender died is due again then. On PostgreSQL, claims of several instances skip each other's rows.
     */
    List<DuePush> claimDuePushes(Instant now, Instant leaseUntil, int max);

    /** The receiver accepted these events: forgotten. */
    void pushed(Collection<Long> eventIds);

    /**
     * The receiver refused the event or did not answer ({@code error} says why): tried again at
     * {@code nextAttemptAt}, or kept as failed when there is none.
     */
    void pushFailed(long eventId, String error, Optional<Instant> nextAttemptAt, Instant now);

    /** The most recent attempt to push to the platform's stream: when, and what became of it; empty when none. */
    Optional<StreamPush> lastPush(long platformId, long streamId);
}
