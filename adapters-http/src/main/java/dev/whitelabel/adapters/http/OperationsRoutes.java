package dev.whitelabel.adapters.http;

import dev.whitelabel.domain.port.in.CheckHealthUseCase;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.function.BooleanSupplier;

/**
 * What operators call, without a user's token: /health (the database answers), /health/live (the
 * process serves; also the cheapest route there is), /ready (started and not shutting down),
 * /metrics (Prometheus, see {@link MetricsAccess}). The API document and its viewer are {@link StaticFiles}.
 */
final class OperationsRoutes {

    record Health(String status) {}

    private static final Health OK = new Health("ok");

    private final CheckHealthUseCase checkHealth;
    private final BooleanSupplier ready;
    private final PrometheusMeterRegistry metrics;
    private final MetricsAccess metricsAccess;

    OperationsRoutes(
            CheckHealthUseCase checkHealth,
            BooleanSupplier ready,
            PrometheusMeterRegistry metrics,
            MetricsAccess metricsAccess) {
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
    }

    private static void status(Context ctx, boolean up) {
        if (up) {
            ctx.json(OK);
        } else {
            ctx.status(503).json(new Health("unavailable"));
        }
    }
}
