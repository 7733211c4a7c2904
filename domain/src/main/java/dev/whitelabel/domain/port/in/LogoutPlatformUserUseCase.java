package dev.whitelabel.domain.port.in;

import dev.whitelabel.domain.model.Actor;
import dev.whitelabel.domain.model.LogoutResult;
import dev.whitelabel.domain.model.LogoutTarget;

/**
 * Logs a platform user out: revokes one of their tokens, or all of them at once, effective on the
 * very next request. Confined to the actor's platform; admins cannot be logged out this way.
 *
 * @throws dev.whitelabel.domain.error.UserNotFound no such platform user on the actor's platform
 * @throws dev.whitelabel.domain.error.TokenNotFound the token is not that user's; nothing is revoked
 */
public interface LogoutPlatformUserUseCase {
    LogoutResult logout(Actor actor, LogoutTarget target);
}
