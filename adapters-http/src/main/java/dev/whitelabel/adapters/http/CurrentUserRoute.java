package dev.whitelabel.adapters.http;

import io.javalin.http.Context;

/** GET /api/user/me: who the bearer token belongs to. */
final class CurrentUserRoute {

    static final String PATH = "/api/user/me";

    void handle(Context ctx) {
        var user = BearerAuthentication.caller(ctx).user();
        ctx.json(new Answers.UserSummary(user.id(), user.name(), user.email()));
    }
}
