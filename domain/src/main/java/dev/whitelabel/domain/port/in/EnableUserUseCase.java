package dev.whitelabel.domain.port.in;

import dev.whitelabel.domain.model.Actor;

/**
 * An admin enables a disabled platform user: audited, and no token comes back.
 *
 * @throws dev.whitelabel.domain.error.UserNotFound not a platform user of the actor's platform
 */
public interface EnableUserUseCase {
    void enable(Actor actor, long userId);
}
