package dev.whitelabel.domain.port.in;

import dev.whitelabel.domain.model.Actor;
import dev.whitelabel.domain.model.EventStream;
import java.util.List;

/** The platform's streams, oldest first. */
public interface ListEventStreamsUseCase {
    List<EventStream> list(Actor actor);
}
