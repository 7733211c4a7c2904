package dev.whitelabel.domain.port.in;

import dev.whitelabel.domain.model.Actor;
import java.util.Set;

/**
 * One poll of a stream (RFC 8936): the events the receiver is done with, by id, whether it took them
 * ({@code acknowledged}) or reported an error for them ({@code refused}); and how many more it takes
 * now, 0 for none.
 */
public record PollSecurityEventsCommand(
        Actor actor, long streamId, Set<Long> acknowledged, Set<Long> refused, int maxEvents) {}
