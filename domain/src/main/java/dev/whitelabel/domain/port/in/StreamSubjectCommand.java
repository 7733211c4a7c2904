package dev.whitelabel.domain.port.in;

import dev.whitelabel.domain.model.Actor;
import dev.whitelabel.domain.model.StreamSubject;

/** A receiver names a user of its stream's platform to remove from the stream or add back. */
public record StreamSubjectCommand(Actor actor, long streamId, StreamSubject subject) {}
