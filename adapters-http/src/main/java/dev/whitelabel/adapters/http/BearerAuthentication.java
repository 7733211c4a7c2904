package dev.whitelabel.adapters.http;

import dev.whitelabel.domain.model.Actor;
import dev.whitelabel.domain.model.AuthenticatedUser;
import dev.whitelabel.domain.port.in.AuthenticateTokenUseCase;
import io.javalin.http.Context;

/**
 * {@code Authorization: Bearer <token>} and nothing else (RFC 6750): the scheme in any case, one
 * header only. Runs before every matched {@code /api/*} route and leaves the caller on the context.
 */
final class BearerAuthentication {

    private static final String ATTRIBUTE = "whitelabel.authenticated-user";
    private static final String SCHEME = "Bearer ";

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
        if (header.length() == SCHEME.length()) {
            throw Unauthenticated.invalidRequest();
        }
        String token = header.substring(SCHEME.length()).strip();
        AuthenticatedUser caller = authenticateToken.authenticate(token).orElseThrow(Unauthenticated::invalidToken);
        ctx.attribute(ATTRIBUTE, caller);
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
