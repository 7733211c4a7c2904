package dev.whitelabel.domain.port.in;

import dev.whitelabel.domain.model.SecurityEventType;
import dev.whitelabel.domain.model.StreamDelivery;
import java.util.Optional;
import java.util.Set;

/** What a receiver sets of its stream: how events reach it, which it wants, and what it is for. */
public record StreamSettings(
        StreamDelivery delivery, Set<SecurityEventType> eventsRequested, Optional<String> description) {}
