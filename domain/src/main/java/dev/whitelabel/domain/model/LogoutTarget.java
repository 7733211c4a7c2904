package dev.whitelabel.domain.model;

import dev.whitelabel.domain.error.InvalidInput;
import java.util.Optional;

/**
 * Whom to log out (by id, by email or both, which must then agree) and, optionally, which single
 * token to revoke; without a token every live token of the user is revoked.
 */
public record LogoutTarget(Optional<Long> userId, Optional<EmailAddress> email, Optional<Long> tokenId) {

    public LogoutTarget {
        if (userId.isEmpty() && email.isEmpty()) {
            throw InvalidInput.of("user_id", "Either user_id or email is required.");
        }
        requirePositive("user_id", userId);
        requirePositive("token_id", tokenId);
    }

    public static LogoutTarget user(long userId) {
        return new LogoutTarget(Optional.of(userId), Optional.empty(), Optional.empty());
    }

    public static LogoutTarget user(String email) {
        return new LogoutTarget(Optional.empty(), Optional.of(new EmailAddress(email)), Optional.empty());
    }

    public LogoutTarget onlyToken(long tokenId) {
        return new LogoutTarget(userId, email, Optional.of(tokenId));
    }

    private static void requirePositive(String field, Optional<Long> id) {
        if (id.isPresent() && id.get() < 1) {
            throw InvalidInput.of(field, "The " + field.replace('_', ' ') + " field must be at least 1.");
        }
    }
}
