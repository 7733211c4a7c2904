package dev.whitelabel.domain.port.in;

import dev.whitelabel.domain.model.Actor;
import dev.whitelabel.domain.model.AuthenticatedUser;
import dev.whitelabel.domain.model.Page;
import dev.whitelabel.domain.model.PageRequest;
import dev.whitelabel.domain.model.TokenSummary;

/** Every token of a user, live or not, newest first, with the device each was issued to. */
public interface ListUserTokensUseCase {

    /**
     * For an admin, who picks one to revoke.
     *
     * @throws dev.whitelabel.domain.error.UserNotFound no such platform user on the actor's platform
     */
    Page<TokenSummary> list(Actor actor, long userId, PageRequest page);

    /** For the user themselves: their sessions, to end the ones they do not recognise. */
    Page<TokenSummary> listOwn(AuthenticatedUser caller, PageRequest page);
}
