package dev.whitelabel.adapters.http;

import io.javalin.config.RoutesConfig;

/**
 * Routes built with only the use cases they call, by the {@code of} factory of their class; {@link
 * HttpServer} registers each group, in the order given, with what the server shares among them.
 */
@FunctionalInterface
public interface RouteGroup {

    void register(RoutesConfig routes, RouteSupport support);
}
