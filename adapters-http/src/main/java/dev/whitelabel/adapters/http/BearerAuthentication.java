package dev.whitelabel.adapters.http;

import dev.whitelabel.domain.model.Actor;
import dev.whitelabel.domain.model.AuthenticatedUser;
import dev.whitelabel.domain.port.in.AuthenticateTokenUseCase;
import io.javalin.http.Context;

/**
 * {@code Authorization: Bearer <token>} and nothing else (RFC 6750): the scheme in any case, one
 * header only, no token in the query string or body besides. Runs before every matched
 * {@code /api/*} route and leaves the caller on the context.
 */
final class BearerAuthentication {

    private static final String ATTRIBUTE = "whitelabel.authenticated-user";
    private static final String SCHEME = "Bearer ";
    /** The name RFC 6750 gives a token sent as a query or form parameter; refused beside the header. */
    static final String ACCESS_TOKEN = "access_token";

    private final AuthenticateTokenUseCase authenticateToken;

    BearerAuthentication(AuthenticateTokenUseCase authenticateToken) {
        this.authenticateToken = authenticateToken;
    }

    void authenticate(Context ctx) {
        var headers = ctx.req().getHeaders("Authorization");
        if (!headers.hasMoreElements()) {
            throw Unauthenticated.noToken();
        }
        String header = headers.nextElement();
        if (headers.hasMoreElements()) {
            throw Unauthenticated.invalidRequest();
        }
        if (!header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            // another scheme is not a malformed bearer request: RFC 6750 says challenge without an error code
            throw Unauthenticated.noToken();
        }
        if (ctx.req().getQueryString() != null && ctx.queryParamMap().containsKey(ACCESS_TOKEN)) {
            throw Unauthenticated.invalidRequest();
        }
        String token = header.substring(SCHEME.length()).strip();
        if (!isB64Token(token)) {
            throw Unauthenticated.invalidToken();
        }
        AuthenticatedUser caller = authenticateToken.authenticate(token).orElseThrow(Unauthenticated::invalidToken);
        ctx.attribute(ATTRIBUTE, caller);
    }

    /**
     * RFC 6750's b64token characters, plus the '|' of this product's {id}|{secret} format (the format
     * the public API document prescribes, as Laravel Sanctum does).
     */
    private static boolean isB64Token(String token) {
        if (token.isEmpty()) {
            return false;
        }
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            boolean allowed = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/' || c == '=' || c == '|';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    /** The caller as a white-label admin, or a 403. */
    static Actor whiteLabelAdmin(Context ctx) {
        return Actor.whiteLabelAdmin(caller(ctx).user());
    }

    static AuthenticatedUser caller(Context ctx) {
        AuthenticatedUser caller = ctx.attribute(ATTRIBUTE);
        if (caller == null) {
            throw new IllegalStateException("route outside /api/* asked for the authenticated user");
        }
        return caller;
    }
}
