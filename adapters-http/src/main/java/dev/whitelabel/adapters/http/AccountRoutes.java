package dev.whitelabel.adapters.http;

import dev.whitelabel.domain.error.Input;
import dev.whitelabel.domain.model.Abilities;
import dev.whitelabel.domain.model.DisplayName;
import dev.whitelabel.domain.model.EmailAddress;
import dev.whitelabel.domain.model.NewPlatformUser;
import dev.whitelabel.domain.model.NewToken;
import dev.whitelabel.domain.model.Password;
import dev.whitelabel.domain.model.Timezone;
import dev.whitelabel.domain.model.UserReference;
import dev.whitelabel.domain.port.in.CreateTokenUseCase;
import dev.whitelabel.domain.port.in.LoginPlatformUserUseCase;
import dev.whitelabel.domain.port.in.RegisterPlatformUserUseCase;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.Optional;

/** An admin registers a platform user, logs one in, or creates a token for one. */
public final class AccountRoutes implements RouteGroup {

    private final RegisterPlatformUserUseCase registerPlatformUser;
    private final LoginPlatformUserUseCase loginPlatformUser;
    private final CreateTokenUseCase createToken;
    private final RequestBody requestBody;
    private final ClientDevices clientDevices;

    public AccountRoutes(
            RegisterPlatformUserUseCase registerPlatformUser,
            LoginPlatformUserUseCase loginPlatformUser,
            CreateTokenUseCase createToken,
            RouteSupport support) {
        this.registerPlatformUser = registerPlatformUser;
        this.loginPlatformUser = loginPlatformUser;
        this.createToken = createToken;
        this.requestBody = support.requestBody;
        this.clientDevices = support.clientDevices;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post("/api/white-label/register", this::registerUser);
        routes.post("/api/white-label/login", this::login);
        routes.post("/api/white-label/token", this::createToken);
    }

    private void registerUser(Context ctx) {
        var admin = BearerAuthentication.whiteLabelAdmin(ctx);
        var body = requestBody.read(ctx);
        var name = body.valid(body.requiredText("name"), text -> DisplayName.require(Input.NAME, text));
        var email = body.valid(body.requiredText("email"), EmailAddress::new);
        var password = body.valid(body.requiredText("password"), Password::new);
        var timezone = body.valid(body.optionalText("timezone"), Timezone::new);
        var deviceName = deviceName(body);
        var abilities = abilities(body);
        body.requireValid();

        var signedIn = registerPlatformUser.register(
                admin,
                new NewPlatformUser(name.orElseThrow(), email.orElseThrow(), password, timezone),
                NewToken.named(NewToken.DEFAULT_NAME)
                        .on(clientDevices.device(ctx, deviceName))
                        .holding(abilities));

        var token = signedIn.token();
        ctx.status(201)
                .json(new ResponseBodies.Registered(
                        "Registration successful.",
                        ResponseBodies.UserSummary.of(signedIn.user()),
                        token.token().value(),
                        token.abilities().names()));
    }

    private void login(Context ctx) {
        var admin = BearerAuthentication.whiteLabelAdmin(ctx);
        var body = requestBody.read(ctx);
        var email = body.valid(body.requiredText("email"), EmailAddress::new);
        var password = body.requiredText("password");
        var token = body.valid(tokenName(body), NewToken::named);
        var deviceName = deviceName(body);
        var abilities = abilities(body);
        body.requireValid();

        var signedIn = loginPlatformUser.login(
                admin,
                email.orElseThrow(),
                password.orElseThrow(),
                token.orElseThrow().on(clientDevices.device(ctx, deviceName)).holding(abilities),
                clientDevices.person(ctx));

        ctx.json(ResponseBodies.TokenIssued.of("Login successful.", signedIn.user(), signedIn.token()));
    }

    private void createToken(Context ctx) {
        var admin = BearerAuthentication.whiteLabelAdmin(ctx);
        var body = requestBody.read(ctx);
        var userId = body.optionalId("user_id");
        var email = body.optionalEmail("email");
        var name = body.valid(tokenName(body), text -> DisplayName.require(Input.TOKEN_NAME, text));
        var expiresIn = body.valid(body.optionalInteger("expires_in"), NewToken::expiresInSeconds);
        var deviceName = deviceName(body);
        var abilities = abilities(body);
        body.requireValid();

        var signedIn = createToken.forPlatformUser(
                admin,
                new UserReference(userId, email),
                new NewToken(name.orElseThrow(), expiresIn, clientDevices.device(ctx, deviceName), abilities));

        ctx.json(ResponseBodies.TokenIssued.of("Token created successfully.", signedIn.user(), signedIn.token()));
    }

    /** The optional {@code device_name}, held to the rules of every other name. */
    static Optional<String> deviceName(BodyFields body) {
        return body.valid(body.optionalText("device_name"), text -> DisplayName.require(Input.DEVICE_NAME, text));
    }

    /** The optional {@code abilities}, held to their rules; absent or null leaves them to whoever issues the token. */
    static Optional<Abilities> abilities(BodyFields body) {
        return body.valid(body.optionalTextList("abilities"), Abilities::new);
    }

    private static Optional<String> tokenName(BodyFields body) {
        return body.optionalText("token_name").or(() -> Optional.of(NewToken.DEFAULT_NAME));
    }
}
