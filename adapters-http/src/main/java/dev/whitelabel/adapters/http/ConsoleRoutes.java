package dev.whitelabel.adapters.http;

import io.javalin.config.RoutesConfig;

/**
 * GET /console: the admin console, three static files from the jar. It has no endpoint of its own:
 * the page calls the same public API as curl, with the token the admin pastes.
 */
final class ConsoleRoutes {

    private final byte[] page = OperationsRoutes.resource("/console/index.html");
    private final byte[] script = OperationsRoutes.resource("/console/console.js");
    private final byte[] style = OperationsRoutes.resource("/console/console.css");

    void register(RoutesConfig routes) {
        routes.get("/console", ctx -> ctx.contentType("text/html; charset=utf-8").result(page));
        routes.get("/console/console.js", ctx -> ctx.contentType("text/javascript").result(script));
        routes.get("/console/console.css", ctx -> ctx.contentType("text/css").result(style));
    }
}
