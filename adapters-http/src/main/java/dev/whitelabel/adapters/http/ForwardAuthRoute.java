package dev.whitelabel.adapters.http;

import dev.whitelabel.domain.error.InvalidInput;
import dev.whitelabel.domain.model.Abilities;
import dev.whitelabel.domain.model.AuthenticatedUser;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code /auth/check}: the door for gateways (nginx auth_request, Traefik ForwardAuth, Caddy
 * forward_auth, Envoy ext_authz over HTTP). The same bearer check as every /api/ route, so a token
 * revoked anywhere is refused on the very next check: 204 with the holder's identity in headers
 * the gateway passes upstream, or the API's own 401. {@code ?platform_id=N} in the gateway's
 * configuration keeps every other platform's tokens out, and {@code ?ability=orders:read}, given once
 * or more, lets through only a token that holds every one of them (a 403 with RFC 6750's
 * insufficient_scope otherwise); being configuration, the query string is checked before the token,
 * and any other name in it is refused. No body is read.
 */
final class ForwardAuthRoute {

    static final String PATH = "/auth/check";
    private static final String PLATFORM_ID = "platform_id";
    private static final String ABILITY = "ability";
    private static final QueryParameters PARAMETERS = QueryParameters.of(PLATFORM_ID, ABILITY);
    // HEAD answers like GET by itself; gateways send the method of the request they guard
    private static final List<HandlerType> METHODS = List.of(
            HandlerType.GET,
            HandlerType.POST,
            HandlerType.PUT,
            HandlerType.PATCH,
            HandlerType.DELETE,
            HandlerType.OPTIONS);

    private final BearerAuthentication authentication;
    private final ApiMetrics metrics;

    ForwardAuthRoute(BearerAuthentication authentication, ApiMetrics metrics) {
        this.authentication = authentication;
        this.metrics = metrics;
    }

    void register(RoutesConfig routes) {
        METHODS.forEach(method -> routes.addHttpHandler(method, PATH, PARAMETERS.around(this::check)));
    }

    private void check(Context ctx) {
        OptionalLong platformId = platformId(ctx);
        Optional<Abilities> needed = neededAbilities(ctx);
        AuthenticatedUser holder;
        try {
            holder = authentication.holder(ctx, platformId);
        } catch (Unauthenticated refused) {
            metrics.tokenChecked("forward_auth", "refused");
            throw refused;
        }
        if (needed.isPresent() && !holder.abilities().allowsAll(needed.get())) {
            metrics.tokenChecked("forward_auth", "insufficient_scope");
            throw new InsufficientScope();
        }
        var user = holder.user();
        ctx.header("X-Whitelabel-User-Id", Long.toString(user.id()));
        ctx.header("X-Whitelabel-Platform-Id", Long.toString(user.platformId()));
        ctx.header("X-Whitelabel-Token-Id", Long.toString(holder.tokenId()));
        ctx.header("X-Whitelabel-Email", user.email());
        ctx.header("X-Whitelabel-Role", user.role().name());
        ctx.header("X-Whitelabel-Abilities", holder.abilities().scope());
        ctx.status(204);
        metrics.tokenChecked("forward_auth", "allowed");
    }

    /** The operator's {@code platform_id}: absent, or one positive number; anything else is their typo, refused. */
    private static OptionalLong platformId(Context ctx) {
        List<String> values = ctx.queryParams(PLATFORM_ID);
        if (values.isEmpty()) {
            return OptionalLong.empty();
        }
        Optional<Long> id = values.size() == 1 ? PathIds.positive(values.get(0)) : Optional.empty();
        if (id.isEmpty()) {
            throw new HttpProblem(400, "The platform_id parameter must be one positive integer.");
        }
        return OptionalLong.of(id.get());
    }

    /** The operator's {@code ability} values: names a token could hold, each once; a typo is refused, never read as none. */
    private static Optional<Abilities> neededAbilities(Context ctx) {
        List<String> values = ctx.queryParams(ABILITY);
        if (values.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Abilities(values));
        } catch (InvalidInput invalid) {
            throw new HttpProblem(
                    400,
                    "The ability parameter must name 1 to " + Abilities.MAX_COUNT + " different abilities, each 1 to "
                            + Abilities.MAX_LENGTH + " printable ASCII characters without spaces.");
        }
    }
}
