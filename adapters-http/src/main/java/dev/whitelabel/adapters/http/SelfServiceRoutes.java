package dev.whitelabel.adapters.http;

import dev.whitelabel.domain.error.ApiKeyNotFound;
import dev.whitelabel.domain.error.InvalidInput;
import dev.whitelabel.domain.model.LogoutScope;
import dev.whitelabel.domain.model.Password;
import dev.whitelabel.domain.port.in.ListUserTokensUseCase;
import dev.whitelabel.domain.port.in.LogoutSelfUseCase;
import dev.whitelabel.domain.port.in.ManageAccountsUseCase;
import dev.whitelabel.domain.port.in.ManageApiKeysUseCase;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Optional;

/**
 * What any token holder may do for themselves: who am I, log out, see my sessions, change my
 * password, manage my API keys.
 */
public final class SelfServiceRoutes {

    /** The body's {@code scope}, by its name on the wire. */
    private static final Map<String, LogoutScope> SCOPES =
            Map.of("current", LogoutScope.CURRENT, "others", LogoutScope.OTHERS, "all", LogoutScope.ALL);

    private final LogoutSelfUseCase logoutSelf;
    private final ManageApiKeysUseCase manageApiKeys;
    private final ListUserTokensUseCase listUserTokens;
    private final ManageAccountsUseCase manageAccounts;
    private final RequestBody requestBody;
    private final ClientDevices clientDevices;
    private final ApiMetrics metrics;

    /** The routes of this group, calling only these use cases. */
    public static RouteGroup of(
            LogoutSelfUseCase logoutSelf,
            ManageApiKeysUseCase manageApiKeys,
            ListUserTokensUseCase listUserTokens,
            ManageAccountsUseCase manageAccounts) {
        return (routes, support) -> new SelfServiceRoutes(
                        logoutSelf,
                        manageApiKeys,
                        listUserTokens,
                        manageAccounts,
                        support.requestBody,
                        support.clientDevices,
                        support.metrics)
                .register(routes);
    }

    SelfServiceRoutes(
            LogoutSelfUseCase logoutSelf,
            ManageApiKeysUseCase manageApiKeys,
            ListUserTokensUseCase listUserTokens,
            ManageAccountsUseCase manageAccounts,
            RequestBody requestBody,
            ClientDevices clientDevices,
            ApiMetrics metrics) {
        this.logoutSelf = logoutSelf;
        this.manageApiKeys = manageApiKeys;
        this.listUserTokens = listUserTokens;
        this.manageAccounts = manageAccounts;
        this.requestBody = requestBody;
        this.clientDevices = clientDevices;
        this.metrics = metrics;
    }

    void register(RoutesConfig routes) {
        routes.get("/api/user/me", this::me);
        routes.post("/api/user/logout", this::logout);
        routes.get("/api/user/tokens", Paginated.PARAMETERS.around(this::tokens));
        routes.post("/api/user/password", this::changePassword);
        routes.post("/api/user/api-keys", this::createKey);
        routes.get("/api/user/api-keys", this::listKeys);
        routes.delete("/api/user/api-keys/{id}", this::deleteKey);
    }

    private void me(Context ctx) {
        ctx.json(ResponseBodies.UserSummary.of(BearerAuthentication.caller(ctx).user()));
    }

    private void logout(Context ctx) {
        var caller = BearerAuthentication.caller(ctx);
        var body = requestBody.read(ctx);
        // {"all":true} came first and keeps working; "scope" says the same and more
        boolean all = body.optionalBoolean("all");
        var scope = body.valid(body.optionalText("scope"), text -> {
            var named = Optional.ofNullable(SCOPES.get(text))
                    .orElseThrow(() -> InvalidInput.of("scope", "The selected scope is invalid."));
            if (all && !named.equals(LogoutScope.ALL)) {
                throw InvalidInput.of("scope", "The scope field must be all when all is true.");
            }
            return named;
        });
        body.requireValid();

        var chosen = scope.orElse(all ? LogoutScope.ALL : LogoutScope.CURRENT);
        var result = logoutSelf.logout(caller, chosen);
        metrics.loggedOut("self", chosen, result.revokedTokens());

        ctx.json(new ResponseBodies.LoggedOut("Logged out successfully.", result.revokedTokens()));
    }

    private void tokens(Context ctx) {
        var caller = BearerAuthentication.caller(ctx);
        var page = Paginated.request(ctx);

        var tokens = listUserTokens.listOwn(caller, page);

        ctx.json(Paginated.of(
                ctx, tokens, token -> ResponseBodies.OwnToken.of(token, caller.tokenId()), Optional.empty()));
    }

    private void changePassword(Context ctx) {
        var caller = BearerAuthentication.caller(ctx);
        var body = requestBody.read(ctx);
        var current = body.requiredText("current_password");
        var password = body.valid(body.requiredText("password"), Password::new);
        body.requireValid();

        var result = manageAccounts.changeOwnPassword(caller, current.orElseThrow(), password.orElseThrow());
        metrics.loggedOut("password_changed", result.revokedTokens());

        ctx.json(new ResponseBodies.LoggedOut("Password changed successfully.", result.revokedTokens()));
    }

    private void createKey(Context ctx) {
        var caller = BearerAuthentication.caller(ctx);
        var body = requestBody.read(ctx);
        var name = body.requiredText("name");
        var deviceName = AccountRoutes.deviceName(body);
        body.requireValid();

        var created = manageApiKeys.create(caller, name.orElseThrow(), clientDevices.device(ctx, deviceName));

        var key = created.key();
        ctx.status(201)
                .json(new ResponseBodies.ApiKeyCreated(
                        "API key created successfully.",
                        new ResponseBodies.CreatedKey(
                                key.id(),
                                key.name(),
                                created.token().value(),
                                key.createdAt().toString())));
    }

    private void listKeys(Context ctx) {
        var keys = manageApiKeys.list(BearerAuthentication.caller(ctx));
        ctx.json(new ResponseBodies.ApiKeys(
                keys.stream().map(ResponseBodies.ListedKey::of).toList()));
    }

    private void deleteKey(Context ctx) {
        var caller = BearerAuthentication.caller(ctx);
        long keyId = PathIds.positive(ctx.pathParam("id")).orElseThrow(ApiKeyNotFound::new);

        manageApiKeys.delete(caller, keyId);

        ctx.json(new ResponseBodies.Message("API key deleted successfully."));
    }
}
