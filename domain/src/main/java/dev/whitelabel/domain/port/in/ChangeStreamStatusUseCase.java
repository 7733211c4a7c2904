package dev.whitelabel.domain.port.in;

import dev.whitelabel.domain.model.EventStream;

/** Enables, pauses or disables a stream: paused holds its events, disabled drops them. */
public interface ChangeStreamStatusUseCase {
    /** @throws dev.whitelabel.domain.error.StreamNotFound not the platform's */
    EventStream change(ChangeStreamStatusCommand command);
}
