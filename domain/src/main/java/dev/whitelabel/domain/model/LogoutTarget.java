package dev.whitelabel.domain.model;

import dev.whitelabel.domain.error.InvalidInput;
import java.util.Optional;

/**
 * Whom to log out and, optionally, which single token to revoke; without one, every live token but
 * the one to keep, if any.
 */
public record LogoutTarget(UserReference user, Optional<Long> tokenId, Optional<Long> exceptTokenId) {

    public LogoutTarget {
        if (tokenId.isPresent() && tokenId.get() < 1) {
            throw InvalidInput.of("token_id", "The token id field must be at least 1.");
        }
        if (exceptTokenId.isPresent() && exceptTokenId.get() < 1) {
            throw InvalidInput.of("except_token_id", "The except token id field must be at least 1.");
        }
        if (tokenId.isPresent() && exceptTokenId.isPresent()) {
            throw InvalidInput.of(
                    "except_token_id", "The except token id field is prohibited when token id is present.");
        }
    }

    public static LogoutTarget user(long userId) {
        return new LogoutTarget(UserReference.byId(userId), Optional.empty(), Optional.empty());
    }

    public static LogoutTarget user(String email) {
        return new LogoutTarget(UserReference.byEmail(email), Optional.empty(), Optional.empty());
    }

    public LogoutTarget onlyToken(long tokenId) {
        return new LogoutTarget(user, Optional.of(tokenId), exceptTokenId);
    }

    public LogoutTarget exceptToken(long tokenId) {
        return new LogoutTarget(user, this.tokenId, Optional.of(tokenId));
    }
}
