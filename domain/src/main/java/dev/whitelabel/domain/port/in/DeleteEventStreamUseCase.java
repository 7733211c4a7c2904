package dev.whitelabel.domain.port.in;

import dev.whitelabel.domain.model.Actor;

/** A receiver deletes its stream, and every event it held. */
public interface DeleteEventStreamUseCase {
    /** @throws dev.whitelabel.domain.error.StreamNotFound not the platform's */
    void delete(Actor actor, long streamId);
}
