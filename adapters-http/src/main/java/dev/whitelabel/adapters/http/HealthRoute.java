package dev.whitelabel.adapters.http;

import dev.whitelabel.domain.port.in.CheckHealthUseCase;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;

/** GET /health: 200 while the database answers, 503 while it does not. No authentication. */
final class HealthRoute {

    record Health(String status) {}

    private final CheckHealthUseCase checkHealth;

    HealthRoute(CheckHealthUseCase checkHealth) {
        this.checkHealth = checkHealth;
    }

    void register(RoutesConfig routes) {
        routes.get("/health", this::health);
    }

    private void health(Context ctx) {
        if (checkHealth.isHealthy()) {
            ctx.json(new Health("ok"));
        } else {
            ctx.status(503).json(new Health("unavailable"));
        }
    }
}
