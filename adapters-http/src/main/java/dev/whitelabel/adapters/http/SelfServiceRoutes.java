package dev.whitelabel.adapters.http;

import dev.whitelabel.domain.error.ApiKeyNotFound;
import dev.whitelabel.domain.model.LogoutScope;
import dev.whitelabel.domain.model.Password;
import dev.whitelabel.domain.port.in.ChangeOwnPasswordCommand;
import dev.whitelabel.domain.port.in.ChangeOwnPasswordUseCase;
import dev.whitelabel.domain.port.in.CreateApiKeyUseCase;
import dev.whitelabel.domain.port.in.DeleteApiKeyUseCase;
import dev.whitelabel.domain.port.in.ListApiKeysUseCase;
import dev.whitelabel.domain.port.in.ListUserTokensUseCase;
import dev.whitelabel.domain.port.in.LogoutSelfUseCase;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Map;
import java.util.Optional;

/**
 * What any token holder may do for themselves: who am I, log out, see my sessions, change my
 * password, manage my API keys.
 */
public final class SelfServiceRoutes implements RouteGroup {

    /** The body's {@code scope}, by its name on the wire. */
    private static final Map<String, LogoutScope> SCOPES =
            Map.of("current", LogoutScope.CURRENT, "others", LogoutScope.OTHERS, "all", LogoutScope.ALL);

    private final LogoutSelfUseCase logoutSelf;
    private final CreateApiKeyUseCase createApiKey;
    private final ListApiKeysUseCase listApiKeys;
    private final DeleteApiKeyUseCase deleteApiKey;
    private final ListUserTokensUseCase listUserTokens;
    private final ChangeOwnPasswordUseCase changeOwnPassword;
    private final RequestBody requestBody;
    private final ClientDevices clientDevices;
    private final ApiMetrics metrics;

    public SelfServiceRoutes(
            LogoutSelfUseCase logoutSelf,
            CreateApiKeyUseCase createApiKey,
            ListApiKeysUseCase listApiKeys,
            DeleteApiKeyUseCase deleteApiKey,
            ListUserTokensUseCase listUserTokens,
            ChangeOwnPasswordUseCase changeOwnPassword,
            RouteSupport support) {
        this.logoutSelf = logoutSelf;
        this.createApiKey = createApiKey;
        this.listApiKeys = listApiKeys;
        this.deleteApiKey = deleteApiKey;
        this.listUserTokens = listUserTokens;
        this.changeOwnPassword = changeOwnPassword;
        this.requestBody = support.requestBody;
        this.clientDevices = support.clientDevices;
        this.metrics = support.metrics;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.get("/api/user/me", this::me);
        routes.post("/api/user/logout", this::logout);
        routes.get("/api/user/tokens", Paginated.PARAMETERS.around(this::tokens));
        routes.post("/api/user/password", this::changePassword);
        routes.post("/api/user/api-keys", this::createKey);
        routes.get("/api/user/api-keys", this::listKeys);
        routes.delete("/api/user/api-keys/{id}", this::deleteKey);
    }

    private void me(Context ctx) {
        ctx.json(ResponseBodies.Me.of(BearerAuthentication.caller(ctx)));
    }

    private void logout(Context ctx) {
        var caller = BearerAuthentication.caller(ctx);
        var body = requestBody.read(ctx);
        // {"all":true} came first and keeps working; "scope" says the same and more
        boolean all = body.optionalBoolean("all");
        var scope = body.valid(body.optionalText("scope"), text -> {
            var named = Optional.ofNullable(SCOPES.get(text))
                    .orElseThrow(() -> InvalidRequest.of("scope", "The selected scope is invalid."));
            if (all && !named.equals(LogoutScope.ALL)) {
                throw InvalidRequest.of("scope", "The scope field must be all when all is true.");
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

        var result = changeOwnPassword.changeOwnPassword(
                new ChangeOwnPasswordCommand(caller, current.orElseThrow(), password.orElseThrow()));
        metrics.loggedOut("password_changed", result.revokedTokens());

        ctx.json(new ResponseBodies.LoggedOut("Password changed successfully.", result.revokedTokens()));
    }

    private void createKey(Context ctx) {
        var caller = BearerAuthentication.caller(ctx);
        var body = requestBody.read(ctx);
        var name = body.requiredText("name");
        var deviceName = AccountRoutes.deviceName(body);
        var abilities = AccountRoutes.abilities(body);
        body.requireValid();

        var created = createApiKey.create(caller, name.orElseThrow(), clientDevices.device(ctx, deviceName), abilities);

        var key = created.key();
        ctx.status(201)
                .json(new ResponseBodies.ApiKeyCreated(
                        "API key created successfully.",
                        new ResponseBodies.CreatedKey(
                                key.id(),
                                key.name(),
                                created.token().value(),
                                key.createdAt().toString(),
                                key.abilities().names())));
    }

    private void listKeys(Context ctx) {
        var keys = listApiKeys.list(BearerAuthentication.caller(ctx));
        ctx.json(new ResponseBodies.ApiKeys(
                keys.stream().map(ResponseBodies.ListedKey::of).toList()));
    }

    private void deleteKey(Context ctx) {
        var caller = BearerAuthentication.caller(ctx);
        long keyId = PathIds.positive(ctx.pathParam("id")).orElseThrow(ApiKeyNotFound::new);

        deleteApiKey.delete(caller, keyId);

        ctx.json(new ResponseBodies.Message("API key deleted successfully."));
    }
}
