package dev.whitelabel.domain.port.in;

import dev.whitelabel.domain.model.Actor;
import dev.whitelabel.domain.model.EmailAddress;
import dev.whitelabel.domain.model.NewToken;
import dev.whitelabel.domain.model.SignedIn;
import java.util.Optional;

/**
 * Checks a platform user's password and creates a token for them. The password is not held to the
 * registration rules here: a login must not tell which rule a guess broke.
 *
 * @throws dev.whitelabel.domain.error.InvalidCredentials wrong password or unknown email, alike in answer and time
 * @throws dev.whitelabel.domain.error.TooManyLoginAttempts too many failures for the email or from the person's address
 */
public interface LoginPlatformUserUseCase {

    /**
     * {@code personAddress} is the address of the person logging in, when the caller knows it (a
     * trusted proxy forwarded it): only such addresses count toward the per-address limit, since
     * the caller itself (a platform's backend) speaks for every user of its platform.
     */
    SignedIn login(Actor actor, EmailAddress email, String password, NewToken token, Optional<String> personAddress);

    default SignedIn login(Actor actor, EmailAddress email, String password, NewToken token) {
        return login(actor, email, password, token, Optional.empty());
    }
}
