package dev.whitelabel.domain.port.out;

import dev.whitelabel.domain.model.EmailAddress;
import dev.whitelabel.domain.model.Page;
import dev.whitelabel.domain.model.PageRequest;
import dev.whitelabel.domain.model.PasswordCredential;
import dev.whitelabel.domain.model.User;
import java.time.Instant;
import java.util.Optional;

/**
 * The users of every platform. Each lookup but {@link #findAnywhere} is confined to one platform, and
 * none finds a deleted user.
 */
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

    /** A user of the platform with a password, found by id. */
    Optional<PasswordCredential> findPasswordCredential(long platformId, long userId);

    void setPasswordHash(long platformId, long userId, String passwordHash);

    /**
     * The password hash of a user who may sign in (neither disabled nor deleted), with the user's row
     * locked until the transaction ends: a login checks that the password it verified is still the
     * one, so that no token is issued on a password changed meanwhile.
     */
    Optional<String> lockPasswordHash(long platformId, long userId);

    /** Marks the user disabled from {@code now}, or keeps the time it was first disabled. */
    void disable(long platformId, long userId, Instant now);

    void enable(long platformId, long userId);

    /**
     * Removes the user's personal data (name, email, password, timezone) and marks the row deleted;
     * the id stays, for the audit trail, and the email is free for a new user.
     */
    void forget(long platformId, long userId, Instant now);

    /** The platform's users of role USER, oldest first; {@code emailContains} is lower-case. */
    Page<User> listPlatformUsers(long platformId, Optional<String> emailContains, PageRequest page);
}
