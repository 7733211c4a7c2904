package dev.whitelabel.adapters.http;

import dev.whitelabel.domain.model.Device;
import io.javalin.http.Context;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** What a request tells of the device it comes from: its address, read through the trusted proxies, and its user agent. */
final class ClientDevices {

    private final TrustedProxies trustedProxies;

    ClientDevices(TrustedProxies trustedProxies) {
        this.trustedProxies = trustedProxies;
    }

    Optional<String> ip(Context ctx) {
        return trustedProxies.client(ctx.req().getRemoteAddr(), forwardedFor(ctx));
    }

    /**
     * The address of the person behind the request, as a trusted proxy forwarded it; empty otherwise.
     * Login is called by a platform's backend with its admin token, so without a proxy that forwards
     * the user's address the peer is that backend, shared by every user of the platform.
     */
    Optional<String> person(Context ctx) {
        return trustedProxies.forwardedClient(ctx.req().getRemoteAddr(), forwardedFor(ctx));
    }

    private List<String> forwardedFor(Context ctx) {
        return trustedProxies.isEmpty() ? List.of() : Collections.list(ctx.req().getHeaders("X-Forwarded-For"));
    }

    /** {@code name} is the validated {@code device_name} of the body, if it had one. */
    Device device(Context ctx, Optional<String> name) {
        return new Device(name, Optional.ofNullable(ctx.req().getHeader("User-Agent")), ip(ctx));
    }
}
