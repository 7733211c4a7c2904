package dev.whitelabel.domain.port.in;

import dev.whitelabel.domain.model.Actor;
import java.util.Optional;

/** A receiver asks its stream for a verification event carrying {@code state}. */
public record VerifyEventStreamCommand(Actor actor, long streamId, Optional<String> state) {}
