package dev.whitelabel.domain.model;

import dev.whitelabel.domain.error.InvalidInput;
import java.util.Optional;

/** A platform user named by id, by email, or by both (which must then name the same user). */
public record UserReference(Optional<Long> userId, Optional<EmailAddress> email) {

    public UserReference {
        if (userId.isEmpty() && email.isEmpty()) {
            throw InvalidInput.of("user_id", "Either user_id or email is required.");
        }
        if (userId.isPresent() && userId.get() < 1) {
            throw InvalidInput.of("user_id", "The user id field must be at least 1.");
        }
    }

    public static UserReference byId(long userId) {
        return new UserReference(Optional.of(userId), Optional.empty());
    }

    public static UserReference byEmail(String email) {
        return new UserReference(Optional.empty(), Optional.of(new EmailAddress(email)));
    }
}
