package dev.whitelabel.adapters.http;

import dev.whitelabel.domain.port.in.UseCases;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/** The whole HTTP API over the use cases: routes, bearer authentication, JSON, error answers, operations. */
public final class HttpServer {

    private final Javalin javalin;
    private final AtomicBoolean ready;

    private HttpServer(Javalin javalin, AtomicBoolean ready) {
        this.javalin = javalin;
        this.ready = ready;
    }

    /** An unstarted server with a metrics registry of its own; for embedding and tests. */
    public static HttpServer create(UseCases useCases, HttpSettings settings) {
        return create(useCases, settings, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    }

    /** An unstarted server; {@link #start} it, port {@code 0} picks a free one. */
    public static HttpServer create(UseCases useCases, HttpSettings settings, PrometheusMeterRegistry metricsRegistry) {
        var mapper = JsonMapping.strictMapper();
        var metrics = new ApiMetrics(metricsRegistry);
        var ready = new AtomicBoolean();
        var requestBody = new RequestBody(mapper, settings.maxBodyBytes());
        var requestLog = new RequestLog(metrics);
        var authentication = new BearerAuthentication(useCases.authenticateToken());
        var logout = new LogoutRoute(useCases.logoutPlatformUser(), requestBody, metrics);
        var accounts = new AccountRoutes(
                useCases.registerPlatformUser(), useCases.loginPlatformUser(), useCases.createToken(), requestBody);
        var listings = new ListingRoutes(useCases.listPlatformUsers(), useCases.listUserTokens(), useCases.readAuditTrail());
        var selfService = new SelfServiceRoutes(useCases.logoutSelf(), useCases.manageApiKeys(), requestBody, metrics);
        var operations = new OperationsRoutes(useCases.checkHealth(), ready::get, metricsRegistry);
        var console = new ConsoleRoutes();

        var javalin = Javalin.create(config -> {
            config.jsonMapper(new JavalinJackson(mapper, false));
            config.http.maxRequestSize = settings.maxBodyBytes();
            config.http.prefer405over404 = true;
            config.startup.showJavalinBanner = false;
            config.jetty.modifyServer(server -> {
                server.setErrorHandler(new JsonErrorPages());
                // stop() then waits this long for requests in flight before closing connections
                server.setStopTimeout(settings.shutdownTimeout().toMillis());
            });
            config.requestLogger.http(requestLog::end);
            config.routes.before(requestLog::begin);
            config.routes.before(SecurityHeaders::apply);
            config.routes.beforeMatched("/api/*", authentication::authenticate);
            logout.register(config.routes);
            accounts.register(config.routes);
            listings.register(config.routes);
            selfService.register(config.routes);
            operations.register(config.routes);
            console.register(config.routes);
            ErrorAnswers.register(config.routes, metrics);
        });
        return new HttpServer(javalin, ready);
    }

    public HttpServer start(String host, int port) {
        javalin.start(host, port);
        ready.set(true);
        return this;
    }

    public int port() {
        return javalin.port();
    }

    /** Not ready from now on; in-flight requests finish, new connections are refused. */
    public void stop() {
        ready.set(false);
        javalin.stop();
    }

    /** Every route as "METHOD /path/{param}", as the router holds them. */
    public List<String> routes() {
        return javalin.unsafe.internalRouter.allHttpHandlers().stream()
                .filter(parsed -> parsed.endpoint.method.isHttpMethod())
                .map(parsed -> parsed.endpoint.method.name() + " " + parsed.endpoint.path)
                .toList();
    }
}
