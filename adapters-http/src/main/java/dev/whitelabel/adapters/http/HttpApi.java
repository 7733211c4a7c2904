package dev.whitelabel.adapters.http;

import dev.whitelabel.domain.port.in.UseCases;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;

/** The whole HTTP API over the use cases: routes, bearer authentication, JSON, error answers. */
public final class HttpApi {

    private HttpApi() {}

    /** An unstarted server; {@code start(port)} it, {@code 0} picks a free port. */
    public static Javalin create(UseCases useCases, HttpSettings settings) {
        var mapper = JsonMapping.strictMapper();
        var requestBody = new RequestBody(mapper, settings.maxBodyBytes());
        var authentication = new BearerAuthentication(useCases.authenticateToken());
        var logout = new LogoutRoute(useCases.logoutPlatformUser(), requestBody);
        var accounts = new AccountRoutes(
                useCases.registerPlatformUser(), useCases.loginPlatformUser(), useCases.createToken(), requestBody);
        var listings = new ListingRoutes(useCases.listPlatformUsers(), useCases.listUserTokens(), useCases.readAuditTrail());
        var selfService = new SelfServiceRoutes(useCases.logoutSelf(), useCases.manageApiKeys(), requestBody);
        var health = new HealthRoute(useCases.checkHealth());

        return Javalin.create(config -> {
            config.jsonMapper(new JavalinJackson(mapper, false));
            config.http.maxRequestSize = settings.maxBodyBytes();
            config.http.prefer405over404 = true;
            config.startup.showJavalinBanner = false;
            config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorPages()));
            config.routes.beforeMatched("/api/*", authentication::authenticate);
            logout.register(config.routes);
            accounts.register(config.routes);
            listings.register(config.routes);
            selfService.register(config.routes);
            health.register(config.routes);
            ErrorAnswers.register(config.routes);
        });
    }
}
