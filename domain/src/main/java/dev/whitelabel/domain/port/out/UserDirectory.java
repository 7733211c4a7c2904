package dev.whitelabel.domain.port.out;

import dev.whitelabel.domain.model.EmailAddress;
import dev.whitelabel.domain.model.User;
import java.util.Optional;

/** The users of every platform. Each lookup but {@link #findAnywhere} is confined to one platform. */
public interface UserDirectory {

    /** Adds the user, or answers empty when the platform already has a user with that email. */
    Optional<User> add(UserEntry user);

    Optional<User> findOnPlatform(long platformId, long userId);

    /** Matches the email trimmed and case-insensitively. */
    Optional<User> findOnPlatform(long platformId, EmailAddress email);

    /** For the operator, who works across platforms. */
    Optional<User> findAnywhere(long userId);
}
