package dev.whitelabel.adapters.http;

/** An RFC 6749 section 5.2 error answer: {@code {"error":"<code>"}}, and nothing about the request. */
final class OAuthError extends RuntimeException {

    private final int status;

    private OAuthError(int status, String code) {
        super(code, null, false, false);
        this.status = status;
    }

    /** Unknown client, wrong secret, no or malformed Basic credentials; the caller is challenged for Basic. */
    static OAuthError invalidClient() {
        return new OAuthError(401, "invalid_client");
    }

    /** No token, a token given twice, a body that is not a form. */
    static OAuthError invalidRequest() {
        return new OAuthError(400, "invalid_request");
    }

    int status() {
        return status;
    }

    boolean challengesBasic() {
        return status == 401;
    }
}
