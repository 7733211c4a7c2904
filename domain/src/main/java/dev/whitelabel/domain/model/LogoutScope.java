package dev.whitelabel.domain.model;

import dev.whitelabel.domain.error.Input;
import dev.whitelabel.domain.error.InvalidInput;
import dev.whitelabel.domain.error.Violation.Rule;
import java.util.Optional;

/**
 * Which of a user's tokens a logout ends: all of them, one, all but one, or, for a user logging
 * themselves out, the token they call with or every other one. Every logout, by an admin, by the user
 * or by the command line, is one of these, and what it revokes, what it audits, what it counts and
 * what it tells receivers are each decided once, through {@link Cases}.
 */
public sealed interface LogoutScope {

    LogoutScope ALL = new AllTokens();
    LogoutScope CURRENT = new Current();
    LogoutScope OTHERS = new Others();

    <R> R match(Cases<R> cases);

    /** One answer per kind of scope: a new kind does not compile until every caller answers it. */
    interface Cases<R> {
        R allTokens();

        R oneToken(long tokenId);

        R allBut(long keptTokenId);

        R current();

        R others();
    }

    /**
     * The scope named by an optional token to end and an optional token to keep, as an admin names it:
     * neither is every token.
     */
    static LogoutScope of(Optional<Long> tokenId, Optional<Long> exceptTokenId) {
        if (tokenId.isPresent() && tokenId.get() < 1) {
            throw InvalidInput.of(Input.TOKEN_ID, Rule.AT_LEAST, 1);
        }
        if (exceptTokenId.isPresent() && exceptTokenId.get() < 1) {
            throw InvalidInput.of(Input.KEPT_TOKEN_ID, Rule.AT_LEAST, 1);
        }
        if (tokenId.isPresent() && exceptTokenId.isPresent()) {
            throw InvalidInput.of(Input.KEPT_TOKEN_ID, Rule.NOT_WITH_TOKEN_ID);
        }
        return tokenId.<LogoutScope>map(OneToken::new)
                .or(() -> exceptTokenId.map(AllBut::new))
                .orElse(ALL);
    }

    record AllTokens() implements LogoutScope {
        @Override
        public <R> R match(Cases<R> cases) {
            return cases.allTokens();
        }
    }

    record OneToken(long tokenId) implements LogoutScope {
        @Override
        public <R> R match(Cases<R> cases) {
            return cases.oneToken(tokenId);
        }
    }

    record AllBut(long keptTokenId) implements LogoutScope {
        @Override
        public <R> R match(Cases<R> cases) {
            return cases.allBut(keptTokenId);
        }
    }

    /** The token the user calls with. */
    record Current() implements LogoutScope {
        @Override
        public <R> R match(Cases<R> cases) {
            return cases.current();
        }
    }

    /** Every token of the user's but the one they call with. */
    record Others() implements LogoutScope {
        @Override
        public <R> R match(Cases<R> cases) {
            return cases.others();
        }
    }
}
