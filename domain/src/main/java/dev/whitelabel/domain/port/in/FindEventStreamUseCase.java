package dev.whitelabel.domain.port.in;

import dev.whitelabel.domain.model.Actor;
import dev.whitelabel.domain.model.EventStream;
import dev.whitelabel.domain.model.StreamPush;
import java.util.Optional;

/** One stream of the platform. */
public interface FindEventStreamUseCase {
    /** @throws dev.whitelabel.domain.error.StreamNotFound not the platform's */
    EventStream find(Actor actor, long streamId);

    /**
     * The most recent attempt to push to the platform's stream: when, and its error if it failed; empty
     * when none was made, or the stream is not the platform's.
     */
    Optional<StreamPush> lastPush(Actor actor, long streamId);
}
