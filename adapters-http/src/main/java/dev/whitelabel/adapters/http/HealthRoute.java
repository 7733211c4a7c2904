package dev.whitelabel.adapters.http;

import dev.whitelabel.domain.port.in.CheckHealthUseCase;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/**
 * GET /health: 200 while the database answers, 503 while it does not. GET /health/live: 200 while the
 * process serves at all (a liveness probe; no database, so also the cheapest route there is).
 * No authentication.
 */
final class HealthRoute {

    record Health(String status) {}

    private static final Health LIVE = new Health("ok");

    private final CheckHealthUseCase checkHealth;

    HealthRoute(CheckHealthUseCase checkHealth) {
        this.checkHealth = checkHealth;
    }

    void register(RoutesConfig routes) {
        routes.get("/health", this::health);
        routes.get("/health/live", ctx -> ctx.json(LIVE));
    }

    private void health(Context ctx) {
        if (checkHealth.isHealthy()) {
            ctx.json(LIVE);
        } else {
            ctx.status(503).json(new Health("unavailable"));
        }
    }
}
