package dev.whitelabel.adapters.http;

/**
 * No usable bearer token (401), or a request that sends one in more than one way (400), with the
 * RFC 6750 challenge for the WWW-Authenticate header.
 */
final class Unauthenticated extends RuntimeException {

    private static final String REALM = "Bearer realm=\"whitelabel\"";

    private final int status;
    private final String challenge;

    private Unauthenticated(int status, String message, String challenge) {
        super(message, null, false, false);
        this.status = status;
        this.challenge = challenge;
    }

    /** No token, or a scheme other than Bearer: a challenge without an error code. */
    static Unauthenticated noToken() {
        return new Unauthenticated(401, "Unauthenticated.", REALM);
    }

    /** A token was presented: malformed, unknown, expired or revoked. */
    static Unauthenticated invalidToken() {
        return new Unauthenticated(401, "Unauthenticated.", REALM + ", error=\"invalid_token\"");
    }

    /** Two Authorization headers, or a token in the query string or body besides (RFC 6750 section 2). */
    static Unauthenticated invalidRequest() {
        return new Unauthenticated(400, "Send the token in one Authorization header only.",
                REALM + ", error=\"invalid_request\"");
    }

    int status() {
        return status;
    }

    /** The WWW-Authenticate header value. */
    String challenge() {
        return challenge;
    }
}
