package dev.whitelabel.application;

import dev.whitelabel.domain.error.UserNotFound;
import dev.whitelabel.domain.model.User;
import dev.whitelabel.domain.model.UserReference;
import dev.whitelabel.domain.port.out.UserDirectory;
import java.util.Optional;

/**
 * Finds the platform user an admin names. Admins, other platforms' users and nobody at all get the
 * same refusal, so that no answer tells one tenant anything about another.
 */
final class PlatformUsers {

    private final UserDirectory users;

    PlatformUsers(UserDirectory users) {
        this.users = users;
    }

    User find(long platformId, UserReference reference) {
        Optional<User> user = reference.userId().isPresent()
                ? users.findOnPlatform(platformId, reference.userId().get())
                        .filter(found -> reference
                                .email()
                                .map(email -> email.sameAs(found.email()))
                                .orElse(true))
                : users.findOnPlatform(platformId, reference.email().orElseThrow());
        return user.filter(User::isPlatformUser).orElseThrow(UserNotFound::new);
    }

    User find(long platformId, long userId) {
        return find(platformId, UserReference.byId(userId));
    }
}
