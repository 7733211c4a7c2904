package dev.whitelabel.domain.port.in;

import dev.whitelabel.domain.model.Actor;
import dev.whitelabel.domain.model.Device;
import dev.whitelabel.domain.model.NewPlatformUser;
import dev.whitelabel.domain.model.SignedIn;

/**
 * An admin registers a user on their platform, with a password, and gets the user's first token.
 *
 * @throws dev.whitelabel.domain.error.InvalidInput no password, or the email is taken on that platform
 */
public interface RegisterPlatformUserUseCase {

    /** The first token is recorded as issued to {@code device}. */
    SignedIn register(Actor actor, NewPlatformUser user, Device device);

    default SignedIn register(Actor actor, NewPlatformUser user) {
        return register(actor, user, Device.UNKNOWN);
    }
}
