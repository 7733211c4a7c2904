package dev.whitelabel.domain.port.in;

import dev.whitelabel.domain.model.Actor;
import dev.whitelabel.domain.model.LogoutResult;

/**
 * An admin disables a platform user: every token ends, login and token issuing are refused until the
 * user is enabled; audited and announced.
 *
 * @throws dev.whitelabel.domain.error.UserNotFound not a platform user of the actor's platform
 */
public interface DisableUserUseCase {
    LogoutResult disable(Actor actor, long userId);
}
