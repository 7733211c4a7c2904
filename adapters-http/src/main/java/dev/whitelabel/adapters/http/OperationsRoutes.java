package dev.whitelabel.adapters.http;

import dev.whitelabel.domain.port.in.CheckHealthUseCase;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.BooleanSupplier;

/**
 * What operators call, without authentication: /health (the database answers), /health/live (the
 * process serves; also the cheapest route there is), /ready (started and not shutting down),
 * /metrics (Prometheus, see {@link MetricsAccess}), /openapi.json and /docs (Swagger UI, served from the jar).
 */
final class OperationsRoutes {

    record Health(String status) {}

    private static final Health OK = new Health("ok");
    private static final String SWAGGER_UI = "/META-INF/resources/webjars/swagger-ui/" + webjarVersion() + "/";

    private final CheckHealthUseCase checkHealth;
    private final BooleanSupplier ready;
    private final PrometheusMeterRegistry metrics;
    private final MetricsAccess metricsAccess;
    private final byte[] openApi = resource("/openapi.json");
    private final byte[] docsPage = resource("/docs/index.html");
    private final byte[] docsScript = resource("/docs/docs.js");

    OperationsRoutes(
            CheckHealthUseCase checkHealth, BooleanSupplier ready, PrometheusMeterRegistry metrics, MetricsAccess metricsAccess) {
        this.checkHealth = checkHealth;
        this.ready = ready;
        this.metrics = metrics;
        this.metricsAccess = metricsAccess;
    }

    void register(RoutesConfig routes) {
        routes.get("/health", ctx -> status(ctx, checkHealth.isHealthy()));
        routes.get("/health/live", ctx -> ctx.json(OK));
        routes.get("/ready", ctx -> status(ctx, ready.getAsBoolean()));
        routes.get("/metrics", ctx -> {
            metricsAccess.check(ctx);
            ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape());
        });
        routes.get("/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
        routes.get("/docs", ctx -> ctx.contentType("text/html; charset=utf-8").result(docsPage));
        routes.get("/docs/docs.js", ctx -> ctx.contentType("text/javascript").result(docsScript));
        routes.get("/docs/ui/{file}", this::swaggerUiFile);
    }

    private static void status(Context ctx, boolean up) {
        if (up) {
            ctx.json(OK);
        } else {
            ctx.status(503).json(new Health("unavailable"));
        }
    }

    /** One of Swagger UI's own files from its webjar; the name is checked, so nothing else on the classpath is reachable. */
    private void swaggerUiFile(Context ctx) {
        String file = ctx.pathParam("file");
        if (!file.matches("[a-z0-9-]+\\.(css|js)")) {
            throw new io.javalin.http.NotFoundResponse();
        }
        InputStream in = getClass().getResourceAsStream(SWAGGER_UI + file);
        if (in == null) {
            throw new io.javalin.http.NotFoundResponse();
        }
        ctx.contentType(file.endsWith(".css") ? "text/css" : "text/javascript").result(in);
    }

    /** The version of the Swagger UI webjar on the classpath, from the pom.properties it carries. */
    private static String webjarVersion() {
        var properties = new java.util.Properties();
        try (InputStream in = OperationsRoutes.class.getResourceAsStream("/META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("the Swagger UI webjar is missing from the jar");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version");
    }

    static byte[] resource(String path) {
        try (InputStream in = OperationsRoutes.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
