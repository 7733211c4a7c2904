package dev.whitelabel.domain.port.in;

import dev.whitelabel.domain.model.EventStream;

/** A receiver changes its stream's settings; the events it holds stay. */
public interface UpdateEventStreamUseCase {
    /** @throws dev.whitelabel.domain.error.StreamNotFound not the platform's */
    EventStream update(UpdateEventStreamCommand command);
}
