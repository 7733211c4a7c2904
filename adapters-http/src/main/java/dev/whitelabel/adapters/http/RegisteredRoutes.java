package dev.whitelabel.adapters.http;

import io.javalin.event.HandlerMetaInfo;
import io.javalin.http.HandlerType;
import java.util.ArrayList;
import java.util.List;

/** The HTTP routes as they are registered, told by Javalin's public {@code handlerAdded} event. */
final class RegisteredRoutes {

    private final List<HandlerMetaInfo> routes = new ArrayList<>();

    /** Javalin calls it for each route added: {@code config.events.handlerAdded(registered::add)}. */
    void add(HandlerMetaInfo route) {
        routes.add(route);
    }

    /** The GET routes registered so far, taken before any is added, so HEAD can be given the same handlers. */
    List<HandlerMetaInfo> gets() {
        return routes.stream()
                .filter(route -> route.getHttpMethod() == HandlerType.GET)
                .toList();
    }

    /** Each as "METHOD /path/{param}"; HEAD, which mirrors every GET, left out. */
    List<String> described() {
        return routes.stream()
                .filter(route -> route.getHttpMethod().isHttpMethod() && route.getHttpMethod() != HandlerType.HEAD)
                .map(route -> route.getHttpMethod().name() + " " + route.getPath())
                .toList();
    }
}
