package dev.whitelabel.domain.model;

import dev.whitelabel.domain.error.Input;
import dev.whitelabel.domain.error.InvalidInput;
import dev.whitelabel.domain.error.Violation.Rule;
import java.util.Optional;

/** A platform user named by id, by email, or by both (which must then name the same user). */
public record UserReference(Optional<Long> userId, Optional<EmailAddress> email) {

    public UserReference {
        if (userId.isEmpty() && email.isEmpty()) {
            throw InvalidInput.of(Input.USER_ID, Rule.EITHER_IT_OR_EMAIL_REQUIRED);
        }
        if (userId.isPresent() && userId.get() < 1) {
            throw InvalidInput.of(Input.USER_ID, Rule.AT_LEAST, 1);
        }
    }

    public static UserReference byId(long userId) {
        return new UserReference(Optional.of(userId), Optional.empty());
    }

    public static UserReference byEmail(String email) {
        return new UserReference(Optional.empty(), Optional.of(new EmailAddress(email)));
    }
}
