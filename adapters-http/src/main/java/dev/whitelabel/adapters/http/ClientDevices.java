package dev.whitelabel.adapters.http;

import dev.whitelabel.domain.model.Device;
import io.javalin.http.Context;
import java.util.Collections;
import java.util.Optional;

/** What a request tells of the device it comes from: its address, read through the trusted proxies, and its user agent. */
final class ClientDevices {

    private final TrustedProxies trustedProxies;

    ClientDevices(TrustedProxies trustedProxies) {
        this.trustedProxies = trustedProxies;
    }

    Optional<String> ip(Context ctx) {
        var forwardedFor = trustedProxies.isEmpty()
                ? Collections.<String>emptyList()
                : Collections.list(ctx.req().getHeaders("X-Forwarded-For"));
        return trustedProxies.client(ctx.req().getRemoteAddr(), forwardedFor);
    }

    /** {@code name} is the validated {@code device_name} of the body, if it had one. */
    Device device(Context ctx, Optional<String> name) {
        return new Device(name, Optional.ofNullable(ctx.req().getHeader("User-Agent")), ip(ctx));
    }
}
