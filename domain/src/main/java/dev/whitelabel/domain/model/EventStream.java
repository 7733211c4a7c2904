package dev.whitelabel.domain.model;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * A platform's Shared Signals stream to one receiver ({@code audience}): how its events are delivered,
 * which it asked for, and whether it carries them now ({@code status}, with the admin's or receiver's
 * {@code reason}).
 */
public record EventStream(
        long id,
        long platformId,
        String audience,
        StreamDelivery delivery,
        Set<SecurityEventType> eventsRequested,
        Optional<String> description,
        StreamStatus status,
        Optional<String> statusReason,
        Instant createdAt) {

    public EventStream {
        eventsRequested =
                eventsRequested.isEmpty() ? EnumSet.noneOf(SecurityEventType.class) : EnumSet.copyOf(eventsRequested);
    }

    /** What it is sent: what it asked for that the platform transmits (SSF 1.0 section 8.1.1). */
    public Set<SecurityEventType> eventsDelivered() {
        Set<SecurityEventType> delivered = EnumSet.copyOf(SecurityEventType.REQUESTABLE);
        delivered.retainAll(eventsRequested);
        return delivered;
    }

    public EventStream withStatus(StreamStatus newStatus, Optional<String> reason) {
        return new EventStream(
                id, platformId, audience, delivery, eventsRequested, description, newStatus, reason, createdAt);
    }

    public EventStream withSettings(
            StreamDelivery newDelivery, Set<SecurityEventType> events, Optional<String> newDescription) {
        return new EventStream(
                id, platformId, audience, newDelivery, events, newDescription, status, statusReason, createdAt);
    }
}
