package dev.whitelabel.adapters.http;

import io.javalin.config.RoutesConfig;

/**
 * Routes built, by their public constructor, with only the use cases they call and the server's {@link
 * RouteSupport}; {@link HttpServer} registers each group in the order {@link RouteGroups} gives them.
 */
public interface RouteGroup {

    void register(RoutesConfig routes);
}
