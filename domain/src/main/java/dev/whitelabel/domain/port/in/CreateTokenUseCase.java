package dev.whitelabel.domain.port.in;

import dev.whitelabel.domain.model.Actor;
import dev.whitelabel.domain.model.IssuedToken;
import dev.whitelabel.domain.model.NewToken;
import dev.whitelabel.domain.model.SignedIn;
import dev.whitelabel.domain.model.UserReference;

/** Creates an API token for a user. */
public interface CreateTokenUseCase {

    /**
     * For a platform user of the actor's platform.
     *
     * @throws dev.whitelabel.domain.error.UserNotFound no such platform user there
     */
    SignedIn forPlatformUser(Actor actor, UserReference user, NewToken token);

    /**
     * For any user, admins included, by global id: the operator's command line.
     *
     * @throws dev.whitelabel.domain.error.UserNotFound no such user
     */
    IssuedToken forAnyUser(long userId, NewToken token);
}
