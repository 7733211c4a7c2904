package dev.whitelabel.adapters.http;

import java.util.List;

/** The route groups a server serves, built once it has the parts they share; the routes called most first. */
@FunctionalInterface
public interface RouteGroups {

    List<RouteGroup> with(RouteSupport support);
}
