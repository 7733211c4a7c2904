package dev.whitelabel.domain.port.in;

import dev.whitelabel.domain.model.Actor;
import dev.whitelabel.domain.model.EmailAddress;
import dev.whitelabel.domain.model.NewToken;
import dev.whitelabel.domain.model.SignedIn;

/**
 * Checks a platform user's password and creates a token for them. The password is not held to the
 * registration rules here: a login must not tell which rule a guess broke.
 *
 * @throws dev.whitelabel.domain.error.InvalidCredentials wrong password or unknown email, alike in answer and time
 */
public interface LoginPlatformUserUseCase {
    SignedIn login(Actor actor, EmailAddress email, String password, NewToken token);
}
