package dev.whitelabel.adapters.http;

/** No usable bearer token; the challenge carries an RFC 6750 error code when a token was presented. */
final class Unauthenticated extends RuntimeException {

    private final String challenge;

    private Unauthenticated(String challenge) {
        super("Unauthenticated.", null, false, false);
        this.challenge = challenge;
    }

    static Unauthenticated noToken() {
        return new Unauthenticated("Bearer realm=\"whitelabel\"");
    }

    static Unauthenticated invalidToken() {
        return new Unauthenticated("Bearer realm=\"whitelabel\", error=\"invalid_token\"");
    }

    static Unauthenticated invalidRequest() {
        return new Unauthenticated("Bearer realm=\"whitelabel\", error=\"invalid_request\"");
    }

    /** The WWW-Authenticate header value. */
    String challenge() {
        return challenge;
    }
}
