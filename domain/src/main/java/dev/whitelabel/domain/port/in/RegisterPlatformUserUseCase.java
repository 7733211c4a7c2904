package dev.whitelabel.domain.port.in;

import dev.whitelabel.domain.model.Actor;
import dev.whitelabel.domain.model.NewPlatformUser;
import dev.whitelabel.domain.model.NewToken;
import dev.whitelabel.domain.model.SignedIn;

/**
 * An admin registers a user on their platform, with a password, and gets the user's first token.
 *
 * @throws dev.whitelabel.domain.error.InvalidInput no password, or the email is taken on that platform
 */
public interface RegisterPlatformUserUseCase {

    SignedIn register(Actor actor, NewPlatformUser user, NewToken firstToken);

    /** The first token is named {@value NewToken#DEFAULT_NAME}, for an unknown device, with the actor's abilities. */
    default SignedIn register(Actor actor, NewPlatformUser user) {
        return register(actor, user, NewToken.named(NewToken.DEFAULT_NAME));
    }
}
