package dev.whitelabel.adapters.http;

import dev.whitelabel.domain.model.Actor;
import dev.whitelabel.domain.model.AuthenticatedUser;
import dev.whitelabel.domain.port.in.AuthenticateTokenUseCase;
import io.javalin.http.Context;
import java.util.Optional;
import java.util.OptionalLong;

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
    private final ClientDevices clientDevices;

    BearerAuthentication(AuthenticateTokenUseCase authenticateToken, ClientDevices clientDevices) {
        this.authenticateToken = authenticateToken;
        this.clientDevices = clientDevices;
    }

    void authenticate(Context ctx) {
        ctx.attribute(ATTRIBUTE, holder(ctx, OptionalLong.empty()));
    }

    /** Who holds the bearer token of this request, of {@code platformId} when given; or the RFC 6750 refusal. */
    AuthenticatedUser holder(Context ctx, OptionalLong platformId) {
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
        var clientIp = clientDevices.ip(ctx);
        Optional<AuthenticatedUser> holder = platformId.isPresent()
                ? authenticateToken.authenticateOnPlatform(token, platformId.getAsLong(), clientIp)
                : authenticateToken.authenticate(token, clientIp);
        return holder.orElseThrow(Unauthenticated::invalidToken);
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
            boolean allowed = (c >= 'A' && c <= 'Z')
                    || (c >= 'a' && c <= 'z')
                    || (c >= '0' && c <= '9')
                    || c == '-'
                    || c == '.'
                    || c == '_'
                    || c == '~'
                    || c == '+'
                    || c == '/'
                    || c == '='
                    || c == '|';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    /** The caller as a white-label admin, or a 403. */
    static Actor whiteLabelAdmin(Context ctx) {
        return Actor.whiteLabelAdmin(caller(ctx));
    }

    static AuthenticatedUser caller(Context ctx) {
        AuthenticatedUser caller = ctx.attribute(ATTRIBUTE);
        if (caller == null) {
            throw new IllegalStateException("route outside /api/* asked for the authenticated user");
        }
        return caller;
    }
}
