package dev.whitelabel.domain.port.out;

import dev.whitelabel.domain.model.SecurityEventType;
import dev.whitelabel.domain.model.StreamDelivery;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** A stream to store, enabled: the store gives it its id. */
public record EventStreamEntry(
        long platformId,
        String audience,
        StreamDelivery delivery,
        Set<SecurityEventType> eventsRequested,
        Optional<String> description,
        Instant createdAt) {}
