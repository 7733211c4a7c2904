package dev.whitelabel.domain.port.in;

import dev.whitelabel.domain.model.Actor;
import dev.whitelabel.domain.model.EventStream;

/** One stream of the platform. */
public interface FindEventStreamUseCase {
    /** @throws dev.whitelabel.domain.error.StreamNotFound not the platform's */
    EventStream find(Actor actor, long streamId);
}
