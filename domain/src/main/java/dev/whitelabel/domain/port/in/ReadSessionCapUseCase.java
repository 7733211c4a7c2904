package dev.whitelabel.domain.port.in;

import dev.whitelabel.domain.model.Actor;
import dev.whitelabel.domain.model.SessionCap;

/**
 * A platform's cap on each user's live tokens.
 *
 * @throws dev.whitelabel.domain.error.PlatformNotFound no such platform (the operator's command line)
 */
public interface ReadSessionCapUseCase {
    SessionCap sessionCap(Actor actor);
}
