package dev.whitelabel.domain.port.in;

import dev.whitelabel.domain.model.Actor;
import dev.whitelabel.domain.model.EventStream;

/** A receiver (or the platform's admin, or the operator) creates a stream of the platform's security events. */
public interface CreateEventStreamUseCase {
    /** @throws dev.whitelabel.domain.error.InvalidInput a push endpoint that may not be a target, or too many streams */
    EventStream create(Actor actor, StreamSettings settings);
}
