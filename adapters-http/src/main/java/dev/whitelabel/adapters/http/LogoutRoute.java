package dev.whitelabel.adapters.http;

import dev.whitelabel.domain.model.Actor;
import dev.whitelabel.domain.model.LogoutTarget;
import dev.whitelabel.domain.port.in.LogoutPlatformUserUseCase;
import io.javalin.http.Context;

/** POST /api/white-label/logout: an admin logs one of their platform's users out. */
final class LogoutRoute {

    static final String PATH = "/api/white-label/logout";

    private final LogoutPlatformUserUseCase logoutPlatformUser;
    private final RequestBody requestBody;

    LogoutRoute(LogoutPlatformUserUseCase logoutPlatformUser, RequestBody requestBody) {
        this.logoutPlatformUser = logoutPlatformUser;
        this.requestBody = requestBody;
    }

    void handle(Context ctx) {
        Actor admin = Actor.whiteLabelAdmin(BearerAuthentication.caller(ctx).user());
        BodyFields body = requestBody.read(ctx);
        var userId = body.optionalId("user_id");
        var email = body.optionalEmail("email");
        var tokenId = body.optionalId("token_id");
        body.requireValid();

        var result = logoutPlatformUser.logout(admin, new LogoutTarget(userId, email, tokenId));

        ctx.json(new Answers.LoggedOut("User logged out successfully.", result.revokedTokens()));
    }
}
