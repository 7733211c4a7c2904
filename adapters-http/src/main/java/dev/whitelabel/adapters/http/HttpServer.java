package dev.whitelabel.adapters.http;

import dev.whitelabel.domain.port.in.AuthenticateTokenUseCase;
import dev.whitelabel.domain.port.in.CheckHealthUseCase;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.compression.Gzip;
import io.javalin.config.RoutesConfig;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/** The whole HTTP API over the use cases: routes, bearer authentication, JSON, error answers, operations. */
public final class HttpServer {

    private final Javalin javalin;
    private final AtomicBoolean ready;
    private final StaticFiles staticFiles;
    private final RegisteredRoutes routes;

    private HttpServer(Javalin javalin, AtomicBoolean ready, StaticFiles staticFiles, RegisteredRoutes routes) {
        this.javalin = javalin;
        this.ready = ready;
        this.staticFiles = staticFiles;
        this.routes = routes;
    }

    /** An unstarted server with a metrics registry of its own; for embedding and tests. */
    public static HttpServer create(
            AuthenticateTokenUseCase authenticateToken,
            CheckHealthUseCase checkHealth,
            RouteGroups routeGroups,
            HttpSettings settings) {
        return create(
                authenticateToken,
                checkHealth,
                routeGroups,
                settings,
                new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    }

    /**
     * An unstarted server; {@link #start} it, port {@code 0} picks a free one. Every route but the route
     * groups' needs only bearer authentication and the health check: the operations routes and forward auth.
     */
    public static HttpServer create(
            AuthenticateTokenUseCase authenticateToken,
            CheckHealthUseCase checkHealth,
            RouteGroups routeGroups,
            HttpSettings settings,
            PrometheusMeterRegistry metricsRegistry) {
        var mapper = JsonMapping.strictMapper();
        var answers = new JsonAnswers(mapper);
        var metrics = new ApiMetrics(metricsRegistry);
        var ready = new AtomicBoolean();
        var requestLog = new RequestLog(metrics);
        var clientDevices = new ClientDevices(settings.trustedProxies());
        var authentication = new BearerAuthentication(authenticateToken, clientDevices);
        var support = new RouteSupport(
                new RequestBody(mapper, settings.maxBodyBytes()), clientDevices, metrics, authentication);
        var operations = new OperationsRoutes(
                checkHealth, ready::get, metricsRegistry, new MetricsAccess(settings.metricsToken()));
        var staticFiles = new StaticFiles(requestLog);
        var forwardAuth = new ForwardAuthRoute(authentication, metrics);
        var registered = new RegisteredRoutes();

        var javalin = Javalin.create(config -> {
            config.events.handlerAdded(registered::add);
            config.jsonMapper(answers);
            config.http.maxRequestSize = settings.maxBodyBytes();
            config.http.prefer405over404 = true;
            config.http.compressionStrategy = jsonCompression();
            config.startup.showJavalinBanner = false;
            config.jetty.threadPool = new QueuedThreadPool(settings.maxThreads(), HttpSettings.MIN_THREADS);
            config.jetty.modifyServer(server -> {
                server.setErrorHandler(new JsonErrorPages(requestLog, answers));
                server.insertHandler(new NoMethodOverride());
                server.insertHandler(new StrictQueryString());
                server.insertHandler(staticFiles);
                server.insertHandler(new BodyDeadline(
                        settings.maxBodyBytes(), settings.bodyTimeout(), settings.maxBufferedBodyBytes()));
                // stop() then waits this long for requests in flight before closing connections
                server.setStopTimeout(settings.shutdownTimeout().toMillis());
            });
            config.requestLogger.http(requestLog::end);
            // one step for the request id and the security headers: each before-handler is a task per request
            config.routes.before(requestLog::begin);
            config.routes.beforeMatched("/api/*", authentication::authenticate);
            // Javalin tries a request's path against each route of its method in the order registered, one
            // regular expression each: the routes called most come first. No two groups share a prefix.
            operations.register(config.routes);
            forwardAuth.register(config.routes);
            routeGroups.with(support).forEach(group -> group.register(config.routes));
            ErrorResponses.register(config.routes, metrics);
            answerHeadLikeGet(config.routes, registered);
        });
        return new HttpServer(javalin, ready, staticFiles, registered);
    }

    /**
     * Javalin answers HEAD on a GET route with an empty 200 of its own, whatever GET would answer;
     * running the GET handler instead gives HEAD the same status and headers (Jetty drops the body).
     */
    private static void answerHeadLikeGet(RoutesConfig routes, RegisteredRoutes registered) {
        registered.gets().forEach(get -> routes.head(get.getPath(), get.getHandler()));
    }

    public HttpServer start(String host, int port) {
        javalin.start(host, port);
        ready.set(true);
        return this;
    }

    /**
     * Gzip, as Javalin's default, for answers of 1,500 bytes or more, with no content type excluded:
     * every answer Javalin writes here is JSON or text (the console's files are {@link StaticFiles}',
     * served before Javalin). The default's list of excluded types is searched, case-insensitively, on
     * every answer, at a cost bench/README.md records.
     */
    private static CompressionStrategy jsonCompression() {
        var compression = new CompressionStrategy(null, new Gzip());
        compression.setExcludedMimeTypes(List.of());
        return compression;
    }

    public int port() {
        return javalin.port();
    }

    /** Not ready from now on; in-flight requests finish, new connections are refused. */
    public void stop() {
        stop(Duration.ZERO);
    }

    /**
     * Not ready from now on: {@code /ready} answers 503 while every other route keeps serving, for
     * {@code drain}, so that a load balancer polling it sends no more; then the connectors close,
     * requests in flight finish (up to the shutdown timeout) and new connections are refused.
     */
    public void stop(Duration drain) {
        ready.set(false);
        boolean interrupted = false;
        if (!drain.isNegative() && !drain.isZero()) {
            try {
                Thread.sleep(drain.toMillis());
            } catch (InterruptedException e) {
                interrupted = true; // asked to hurry: stop now, still letting requests in flight finish
            }
        }
        javalin.stop();
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Every route as "METHOD /path/{param}", as the router and the files of the jar hold them; HEAD,
     * which mirrors every GET, left out.
     */
    public List<String> routes() {
        var all = new ArrayList<>(staticFiles.routes());
        all.addAll(routes.described());
        return all;
    }
}
