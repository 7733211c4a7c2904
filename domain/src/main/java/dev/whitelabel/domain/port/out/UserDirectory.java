package dev.whitelabel.domain.port.out;

import dev.whitelabel.domain.model.EmailAddress;
import dev.whitelabel.domain.model.Page;
import dev.whitelabel.domain.model.PageRequest;
import dev.whitelabel.domain.model.PasswordCredential;
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

    /** A user of the platform with a password, found by email. */
    Optional<PasswordCredential> findPasswordCredential(long platformId, EmailAddress email);

    /** The platform's users of role USER, oldest first; {@code emailContains} is lower-case. */
    Page<User> listPlatformUsers(long platformId, Optional<String> emailContains, PageRequest page);
}
