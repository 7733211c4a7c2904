package dev.whitelabel.adapters.http;

import dev.whitelabel.domain.model.Device;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
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
        return new Device(
                name, Optional.ofNullable(ctx.req().getHeader("User-Agent")).map(ClientDevices::asSent), ip(ctx));
    }

    /**
     * A header value as its sender wrote it. Jetty reads header bytes as ISO-8859-1, one character a
     * byte, so a UTF-8 user agent arrives as mojibake the cleaning in {@link Device} cannot recognise
     * (U+202E as 'â', U+0080 and '®', of which only the control character goes). Its bytes are read
     * again as UTF-8 when they are UTF-8, and kept as Jetty read them otherwise, as a Latin-1 sender
     * meant them.
     */
    private static String asSent(String header) {
        if (header.chars().allMatch(c -> c < 0x80)) {
            return header;
        }
        return StrictUtf8.decode(header.getBytes(StandardCharsets.ISO_8859_1)).orElse(header);
    }
}
