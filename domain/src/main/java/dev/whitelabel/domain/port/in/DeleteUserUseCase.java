package dev.whitelabel.domain.port.in;

import dev.whitelabel.domain.model.Actor;
import dev.whitelabel.domain.model.LogoutResult;

/**
 * An admin deletes a platform user: every token ends, then the user's personal data is removed and the
 * email is free again; audited (ids only) and announced.
 *
 * @throws dev.whitelabel.domain.error.UserNotFound not a platform user of the actor's platform
 */
public interface DeleteUserUseCase {
    LogoutResult delete(Actor actor, long userId);
}
