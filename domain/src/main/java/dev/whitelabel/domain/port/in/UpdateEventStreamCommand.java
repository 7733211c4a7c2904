package dev.whitelabel.domain.port.in;

import dev.whitelabel.domain.model.Actor;

/** New settings for one stream of the actor's platform, replacing its old ones whole. */
public record UpdateEventStreamCommand(Actor actor, long streamId, StreamSettings settings) {}
