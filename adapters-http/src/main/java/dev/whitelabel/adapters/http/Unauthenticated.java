package dev.whitelabel.adapters.http;

/**
 * No usable bearer token (401), or a request that sends one in more than one way (400), with the
 * RFC 6750 challenge for the WWW-Authenticate header.
 */
final class Unauthenticated extends RuntimeException {

    private static final String REALM = "Bearer realm=\"whitelabel\"";

    private final int status;
    private final String reason;
    private final String challenge;

    private Unauthenticated(int status, String reason, String message, String challenge) {
        super(message, null, false, false);
        this.status = status;
        this.reason = reason;
        this.challenge = challenge;
    }

    /** No token, or a scheme other than Bearer: a challenge without an error code. */
    static Unauthenticated noToken() {
        return new Unauthenticated(401, "missing", "Unauthenticated.", REALM);
    }

    /** A token was presented: malformed, unknown, expired or revoked. */
    static Unauthenticated invalidToken() {
        return new Unauthenticated(401, "invalid_token", "Unauthenticated.", REALM + ", error=\"invalid_token\"");
    }

    /** Two Authorization headers, or a token in the query string or body besides (RFC 6750 section 2). */
    static Unauthenticated invalidRequest() {
        return new Unauthenticated(
                400,
                "invalid_request",
                "Send the token in one Authorization header only.",
                REALM + ", error=\"invalid_request\"");
    }

    /** For the authentication-failure metric: missing, invalid_request or invalid_token. */
    String reason() {
        return reason;
    }

    int status() {
        return status;
    }

    /** The WWW-Authenticate header value. */
    String challenge() {
        return challenge;
    }
}
