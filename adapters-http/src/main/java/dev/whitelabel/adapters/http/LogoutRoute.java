package dev.whitelabel.adapters.http;

import dev.whitelabel.domain.model.Actor;
import dev.whitelabel.domain.model.LogoutScope;
import dev.whitelabel.domain.model.LogoutTarget;
import dev.whitelabel.domain.model.UserReference;
import dev.whitelabel.domain.port.in.LogoutPlatformUserUseCase;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** POST /api/white-label/logout: an admin logs one of their platform's users out. */
public final class LogoutRoute implements RouteGroup {

    private final LogoutPlatformUserUseCase logoutPlatformUser;
    private final RequestBody requestBody;
    private final ApiMetrics metrics;

    public LogoutRoute(LogoutPlatformUserUseCase logoutPlatformUser, RouteSupport support) {
        this.logoutPlatformUser = logoutPlatformUser;
        this.requestBody = support.requestBody;
        this.metrics = support.metrics;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/api/white-label/logout", this::logout);
    }

    private void logout(Context ctx) {
        Actor admin = BearerAuthentication.whiteLabelAdmin(ctx);
        BodyFields body = requestBody.read(ctx);
        var userId = body.optionalId("user_id");
        var email = body.optionalEmail("email");
        var tokenId = body.optionalId("token_id");
        var exceptTokenId = body.optionalId("except_token_id");
        body.requireValid();

        var target = new LogoutTarget(new UserReference(userId, email), LogoutScope.of(tokenId, exceptTokenId));
        var result = logoutPlatformUser.logout(admin, target);
        metrics.loggedOut("admin", target.scope(), result.revokedTokens());

        ctx.json(new ResponseBodies.LoggedOut(ResponseBodies.ADMIN_LOGOUT_MESSAGE, result.revokedTokens()));
    }
}
