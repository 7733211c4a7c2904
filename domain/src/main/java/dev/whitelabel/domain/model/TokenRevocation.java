package dev.whitelabel.domain.model;

/** The outcome of revoking one token of a user. */
public enum TokenRevocation {
    /** It was live and is revoked now. */
    REVOKED,
    /** It is that user's, but was revoked or expired already. */
    NOT_LIVE,
    /** No such token of that user on that platform. */
    NOT_FOUND
}
