package dev.whitelabel.domain.model;

import dev.whitelabel.domain.error.Input;
import dev.whitelabel.domain.error.InvalidInput;
import dev.whitelabel.domain.error.Violation.Rule;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A platform's cap on the live tokens of each user, if it has one, and what issuing one more does:
 * end the least recently used ({@link Policy#EVICT_OLDEST}) or refuse ({@link Policy#REJECT}).
 */
public record SessionCap(OptionalInt maxTokensPerUser, Policy policy) {

    public static final int MAX_TOKENS_PER_USER = 1000;
    public static final SessionCap NONE = new SessionCap(OptionalInt.empty(), Policy.EVICT_OLDEST);

    public enum Policy {
        EVICT_OLDEST,
        REJECT
    }

    public SessionCap {
        validMax(maxTokensPerUser);
    }

    /** Returns {@code max} if it is a cap a platform may set (or none), or throws the error for its field. */
    public static OptionalInt validMax(OptionalInt max) {
        if (max.isPresent() && (max.getAsInt() < 1 || max.getAsInt() > MAX_TOKENS_PER_USER)) {
            throw InvalidInput.of(Input.MAX_TOKENS_PER_USER, Rule.BETWEEN_ONE_AND, MAX_TOKENS_PER_USER);
        }
        return max;
    }

    /** This cap with what a change names; an empty {@code max} of a present change lifts the cap. */
    public SessionCap with(Optional<OptionalInt> max, Optional<Policy> newPolicy) {
        return new SessionCap(max.orElse(maxTokensPerUser), newPolicy.orElse(policy));
    }

    /** How many of {@code live} tokens must end before one more is issued. */
    public int excessBeforeIssuing(int live) {
        return maxTokensPerUser.isPresent() ? Math.max(0, live - maxTokensPerUser.getAsInt() + 1) : 0;
    }
}
