package dev.whitelabel.domain.port.in;

import dev.whitelabel.domain.model.Actor;
import dev.whitelabel.domain.model.StreamStatus;
import java.util.Optional;

/** The status a stream of the actor's platform is put in, and why. */
public record ChangeStreamStatusCommand(Actor actor, long streamId, StreamStatus status, Optional<String> reason) {}
