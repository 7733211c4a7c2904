package dev.whitelabel.adapters.http;

import dev.whitelabel.domain.model.Password;
import dev.whitelabel.domain.port.in.DeleteUserUseCase;
import dev.whitelabel.domain.port.in.DisableUserUseCase;
import dev.whitelabel.domain.port.in.EnableUserUseCase;
import dev.whitelabel.domain.port.in.SetPasswordCommand;
import dev.whitelabel.domain.port.in.SetPasswordUseCase;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** An admin changes what a platform user's account allows: a new password, disabled, enabled, deleted. */
public final class AccountLifecycleRoutes implements RouteGroup {

    private final SetPasswordUseCase setPassword;
    private final DisableUserUseCase disableUser;
    private final EnableUserUseCase enableUser;
    private final DeleteUserUseCase deleteUser;
    private final RequestBody requestBody;
    private final ApiMetrics metrics;

    public AccountLifecycleRoutes(
            SetPasswordUseCase setPassword,
            DisableUserUseCase disableUser,
            EnableUserUseCase enableUser,
            DeleteUserUseCase deleteUser,
            RouteSupport support) {
        this.setPassword = setPassword;
        this.disableUser = disableUser;
        this.enableUser = enableUser;
        this.deleteUser = deleteUser;
        this.requestBody = support.requestBody;
        this.metrics = support.metrics;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/api/white-label/users/{id}/password", this::setPassword);
        routes.post("/api/white-label/users/{id}/disable", this::disable);
        routes.post("/api/white-label/users/{id}/enable", this::enable);
        routes.delete("/api/white-label/users/{id}", this::delete);
    }

    private void setPassword(Context ctx) {
        var admin = BearerAuthentication.whiteLabelAdmin(ctx);
        long userId = PathIds.user(ctx);
        var body = requestBody.read(ctx);
        var password = body.valid(body.requiredText("password"), Password::new);
        body.requireValid();

        var result = setPassword.setPassword(new SetPasswordCommand(admin, userId, password.orElseThrow()));

        answer(ctx, "password_changed", "Password changed successfully.", result.revokedTokens());
    }

    private void disable(Context ctx) {
        var admin = BearerAuthentication.whiteLabelAdmin(ctx);
        var result = disableUser.disable(admin, PathIds.user(ctx));
        answer(ctx, "user_disabled", "User disabled successfully.", result.revokedTokens());
    }

    private void enable(Context ctx) {
        var admin = BearerAuthentication.whiteLabelAdmin(ctx);
        enableUser.enable(admin, PathIds.user(ctx));
        ctx.json(new ResponseBodies.Message("User enabled successfully."));
    }

    private void delete(Context ctx) {
        var admin = BearerAuthentication.whiteLabelAdmin(ctx);
        var result = deleteUser.delete(admin, PathIds.user(ctx));
        answer(ctx, "user_deleted", "User deleted successfully.", result.revokedTokens());
    }

    private void answer(Context ctx, String kind, String message, int revokedTokens) {
        metrics.loggedOut(kind, revokedTokens);
        ctx.json(new ResponseBodies.LoggedOut(message, revokedTokens));
    }
}
