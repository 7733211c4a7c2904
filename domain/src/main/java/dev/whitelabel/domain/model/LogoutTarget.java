package dev.whitelabel.domain.model;

import dev.whitelabel.domain.error.InvalidInput;
import java.util.Optional;

/** Whom to log out and, optionally, which single token to revoke; without one, every live token. */
public record LogoutTarget(UserReference user, Optional<Long> tokenId) {

    public LogoutTarget {
        if (tokenId.isPresent() && tokenId.get() < 1) {
            throw InvalidInput.of("token_id", "The token id field must be at least 1.");
        }
    }

    public static LogoutTarget user(long userId) {
        return new LogoutTarget(UserReference.byId(userId), Optional.empty());
    }

    public static LogoutTarget user(String email) {
        return new LogoutTarget(UserReference.byEmail(email), Optional.empty());
    }

    public LogoutTarget onlyToken(long tokenId) {
        return new LogoutTarget(user, Optional.of(tokenId));
    }
}
