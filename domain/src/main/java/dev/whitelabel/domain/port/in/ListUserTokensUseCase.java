package dev.whitelabel.domain.port.in;

import dev.whitelabel.domain.model.Actor;
import dev.whitelabel.domain.model.Page;
import dev.whitelabel.domain.model.PageRequest;
import dev.whitelabel.domain.model.TokenSummary;

/**
 * Every token of a platform user, live or not, newest first, so an admin can pick one to revoke.
 *
 * @throws dev.whitelabel.domain.error.UserNotFound no such platform user on the actor's platform
 */
public interface ListUserTokensUseCase {
    Page<TokenSummary> list(Actor actor, long userId, PageRequest page);
}
