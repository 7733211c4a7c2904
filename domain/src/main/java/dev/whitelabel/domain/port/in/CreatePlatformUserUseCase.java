package dev.whitelabel.domain.port.in;

import dev.whitelabel.domain.model.NewPlatformUser;
import dev.whitelabel.domain.model.User;

/**
 * Adds a user to a platform.
 *
 * @throws dev.whitelabel.domain.error.InvalidInput the email is taken on that platform
 * @throws dev.whitelabel.domain.error.PlatformNotFound no such platform
 */
public interface CreatePlatformUserUseCase {
    User create(long platformId, NewPlatformUser user);
}
