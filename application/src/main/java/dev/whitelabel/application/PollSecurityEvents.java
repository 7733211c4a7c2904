package dev.whitelabel.application;

import dev.whitelabel.domain.model.EventStream;
import dev.whitelabel.domain.model.StreamStatus;
import dev.whitelabel.domain.port.in.FindEventStreamUseCase;
import dev.whitelabel.domain.port.in.PollSecurityEventsCommand;
import dev.whitelabel.domain.port.in.PollSecurityEventsUseCase;
import dev.whitelabel.domain.port.in.PolledSecurityEvents;
import dev.whitelabel.domain.port.out.EventStreamStore;
import dev.whitelabel.domain.port.out.PendingSecurityEvent;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A receiver's poll (RFC 8936): what it acknowledged or reported an error for is forgotten first, then
 * the oldest events are signed as they are answered, again on each poll until acknowledged. A paused
 * stream answers none (it holds them); a pushed stream is not polled.
 */
final class PollSecurityEvents implements PollSecurityEventsUseCase {

    private final FindEventStreamUseCase streams;
    private final EventStreamStore store;
    private final SigningKeys keys;

    PollSecurityEvents(FindEventStreamUseCase streams, EventStreamStore store, SigningKeys keys) {
        this.streams = streams;
        this.store = store;
        this.keys = keys;
    }

    @Override
    public PolledSecurityEvents poll(PollSecurityEventsCommand command) {
        EventStream stream = streams.find(command.actor(), command.streamId());
        Set<Long> done = new HashSet<>(command.acknowledged());
        done.addAll(command.refused());
        if (!done.isEmpty()) {
            store.acknowledge(stream.platformId(), stream.id(), done);
        }
        int max = Math.min(Math.max(command.maxEvents(), 0), MOST_EVENTS);
        if (max == 0 || stream.delivery().isPush() || stream.status() != StreamStatus.ENABLED) {
            return new PolledSecurityEvents(Map.of(), false);
        }
        var pending = store.pending(stream.platformId(), stream.id(), max + 1);
        Map<Long, String> tokens = new LinkedHashMap<>();
        for (PendingSecurityEvent event : pending.subList(0, Math.min(max, pending.size()))) {
            tokens.put(event.id(), keys.sign(stream, event));
        }
        return new PolledSecurityEvents(tokens, pending.size() > max);
    }
}
