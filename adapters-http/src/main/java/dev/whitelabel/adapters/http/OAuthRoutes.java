package dev.whitelabel.adapters.http;

import dev.whitelabel.domain.error.InvalidInput;
import dev.whitelabel.domain.model.AuthenticatedUser;
import dev.whitelabel.domain.model.Introspection;
import dev.whitelabel.domain.port.in.IntrospectTokenUseCase;
import dev.whitelabel.domain.port.in.RevokeTokenUseCase;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The introspection and revocation endpoints for a platform's resource servers, authenticated as service clients with HTTP Basic
 * (RFC 6749 section 2.3.1): {@code POST /oauth/introspect} (RFC 7662) and {@code POST /oauth/revoke}
 * (RFC 7009). Neither tells why a token is not alive, nor whether it is another platform's.
 */
public final class OAuthRoutes implements RouteGroup {

    static final String INTROSPECT = "/oauth/introspect";
    static final String REVOKE = "/oauth/revoke";
    private static final Map<String, Object> INACTIVE = Map.of("active", false);
    private static final String FORM = "application/x-www-form-urlencoded";

    private final IntrospectTokenUseCase introspectToken;
    private final RevokeTokenUseCase revokeToken;
    private final RequestBody requestBody;
    private final ApiMetrics metrics;

    public OAuthRoutes(IntrospectTokenUseCase introspectToken, RevokeTokenUseCase revokeToken, RouteSupport support) {
        this.introspectToken = introspectToken;
        this.revokeToken = revokeToken;
        this.requestBody = support.requestBody;
        this.metrics = support.metrics;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post(INTROSPECT, this::introspect);
        routes.post(REVOKE, this::revoke);
    }

    private void introspect(Context ctx) {
        String[] client = credentials(ctx, "introspection");
        Introspection answer = introspectToken.introspect(client[0], client[1], token(ctx));
        if (answer instanceof Introspection.Active active) {
            metrics.tokenChecked("introspection", "active");
            ctx.json(active(active.holder()));
        } else if (answer instanceof Introspection.Inactive) {
            metrics.tokenChecked("introspection", "inactive");
            ctx.json(INACTIVE);
        } else {
            throw invalidClient("introspection");
        }
    }

    /** RFC 7009 section 2.2: 200 with an empty body whether or not there was anything to revoke. */
    private void revoke(Context ctx) {
        String[] client = credentials(ctx, "revocation");
        if (!revokeToken.revoke(client[0], client[1], token(ctx))) {
            throw invalidClient("revocation");
        }
        metrics.tokenChecked("revocation", "answered");
        ctx.status(200);
    }

    private static Map<String, Object> active(AuthenticatedUser holder) {
        var user = holder.user();
        var answer = new LinkedHashMap<String, Object>();
        answer.put("active", true);
        answer.put("token_type", "Bearer");
        answer.put("sub", Long.toString(user.id()));
        answer.put("username", user.email());
        answer.put("platform_id", user.platformId());
        answer.put("token_id", holder.tokenId());
        answer.put("role", user.role().name());
        answer.put("scope", holder.abilities().scope());
        answer.put("iat", holder.issuedAt().getEpochSecond());
        holder.expiresAt().ifPresent(expiry -> answer.put("exp", expiry.getEpochSecond()));
        return answer;
    }

    /** The client id and secret of the Basic credentials, or 401 invalid_client when there are none. */
    private String[] credentials(Context ctx, String door) {
        var headers = ctx.req().getHeaders("Authorization");
        String first = headers.hasMoreElements() ? headers.nextElement() : null;
        if (headers.hasMoreElements()) {
            // two ways of saying who the client is: neither is taken
            throw OAuthError.invalidRequest();
        }
        return BasicCredentials.parse(first).orElseThrow(() -> invalidClient(door));
    }

    private OAuthError invalidClient(String door) {
        metrics.tokenChecked(door, "invalid_client");
        return OAuthError.invalidClient();
    }

    /**
     * The form's {@code token}, once. Other parameters ({@code token_type_hint} among them) are
     * ignored, as RFC 6749 section 3.1 asks; a body that is not a form, or a form without one token,
     * is invalid_request; a body over the limit is the 413 of every other route.
     */
    private String token(Context ctx) {
        if (!String.valueOf(ctx.contentType()).toLowerCase(Locale.ROOT).startsWith(FORM)) {
            throw OAuthError.invalidRequest();
        }
        try {
            var body = requestBody.read(ctx);
            var token = body.requiredText("token");
            body.requireValid();
            return token.orElseThrow();
        } catch (HttpProblem problem) {
            throw problem.status() == 413 ? problem : OAuthError.invalidRequest();
        } catch (InvalidInput | InvalidRequest | Unauthenticated malformed) {
            throw OAuthError.invalidRequest();
        }
    }
}
