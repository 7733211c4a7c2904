package dev.whitelabel.domain.model;

import java.util.Optional;

/** Whom to log out, and which of their tokens. */
public record LogoutTarget(UserReference user, LogoutScope scope) {

    public static LogoutTarget user(long userId) {
        return new LogoutTarget(UserReference.byId(userId), LogoutScope.ALL);
    }

    public static LogoutTarget user(String email) {
        return new LogoutTarget(UserReference.byEmail(email), LogoutScope.ALL);
    }

    /** Only this token; refused if a token to keep is named already. */
    public LogoutTarget onlyToken(long tokenId) {
        Optional<Long> kept =
                scope instanceof LogoutScope.AllBut allBut ? Optional.of(allBut.keptTokenId()) : Optional.empty();
        return new LogoutTarget(user, LogoutScope.of(Optional.of(tokenId), kept));
    }

    /** Every token but this one; refused if a single token is named already. */
    public LogoutTarget exceptToken(long tokenId) {
        Optional<Long> only = scope instanceof LogoutScope.OneToken one ? Optional.of(one.tokenId()) : Optional.empty();
        return new LogoutTarget(user, LogoutScope.of(only, Optional.of(tokenId)));
    }
}
