package dev.whitelabel.domain.error;

/**
 * One rule an input breaks, with the number the rule names ({@code limit}, 0 when it names none).
 * Adapters word it; the domain only says which rule.
 */
public record Violation(Input input, Rule rule, long limit) {

    /** The rules inputs are held to. */
    public enum Rule {
        REQUIRED,
        /** Neither this input nor {@link Input#EMAIL} was given: one of them is needed. */
        EITHER_IT_OR_EMAIL_REQUIRED,
        AT_LEAST,
        BETWEEN_ONE_AND,
        NOT_GREATER_THAN,
        MORE_CHARACTERS_THAN,
        MORE_BYTES_THAN,
        FEWER_CHARACTERS_THAN,
        /** A list with fewer items than the limit. */
        FEWER_ITEMS_THAN,
        /** A list with more items than the limit. */
        MORE_ITEMS_THAN,
        /** The same item twice in a list. */
        DUPLICATES,
        /** An item that is not 1 to limit printable ASCII characters without spaces. */
        NOT_AN_ABILITY,
        /** More than the token making the request holds itself: abilities only narrow. */
        NOT_HELD_BY_THE_ISSUER,
        /** A NUL or an unpaired surrogate: text no database stores as given. */
        NOT_STORABLE,
        CONTROL_CHARACTERS,
        INVISIBLE_CHARACTERS,
        TOO_MANY_COMBINING_MARKS,
        NOT_AN_EMAIL_ADDRESS,
        NOT_A_TIMEZONE,
        NOT_AN_HTTP_URL,
        HOST_DOES_NOT_RESOLVE,
        NOT_PUBLIC,
        PORT_NOT_ALLOWED,
        /** Given together with {@link Input#TOKEN_ID}, which excludes it. */
        NOT_WITH_TOKEN_ID,
        TAKEN,
        INCORRECT,
        NOT_ONE_OF_THE_CHOICES,
        DISABLED,
        AT_THE_SESSION_CAP,
        /** The platform holds as many of these as it may: the limit says how many. */
        AT_MOST_PER_PLATFORM
    }

    public static Violation of(Input input, Rule rule) {
        return new Violation(input, rule, 0);
    }
}
