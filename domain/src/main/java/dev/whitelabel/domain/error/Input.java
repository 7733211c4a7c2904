package dev.whitelabel.domain.error;

/**
 * An input a use case takes, in the domain's words; each adapter names it in its own (the HTTP API's
 * {@code per_page} is {@link #PAGE_SIZE}, its {@code except_token_id} is {@link #KEPT_TOKEN_ID}).
 */
public enum Input {
    USER_ID,
    EMAIL,
    TOKEN_ID,
    KEPT_TOKEN_ID,
    PAGE,
    PAGE_SIZE,
    PASSWORD,
    CURRENT_PASSWORD,
    NAME,
    ADMIN_NAME,
    ADMIN_EMAIL,
    TOKEN_NAME,
    DEVICE_NAME,
    /** What a token may be used for: {@link dev.whitelabel.domain.model.Abilities}. */
    ABILITIES,
    SEARCH,
    URL,
    TIMEZONE,
    LIFETIME,
    MAX_TOKENS_PER_USER,
    SESSION_CAP_POLICY,
    /** A Shared Signals stream, named by its id. */
    STREAM,
    DESCRIPTION,
    STATUS_REASON,
    /** A pushed stream's receiver endpoint. */
    ENDPOINT_URL,
    AUTHORIZATION_HEADER,
    VERIFICATION_STATE,
    /** The user the operation is for, as a whole: disabled, or holding as many tokens as allowed. */
    USER
}
