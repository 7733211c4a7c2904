package dev.whitelabel.adapters.http;

import io.javalin.http.Context;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Headers on every answer, pages, API and the server's own refusals alike: scripts only from this
 * server and never inline, no framing, no MIME sniffing, no referrer, no caching.
 */
final class SecurityHeaders {

    // Swagger UI sets style attributes and draws its icons as data: images; no inline script anywhere.
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'";

    private static final Map<String, String> HEADERS = Map.of(
            "Content-Security-Policy", CONTENT_SECURITY_POLICY,
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "no-referrer",
            "X-Frame-Options", "DENY",
            // answers carry tokens (register, login, token, API keys): no cache may keep them (RFC 6749 5.1)
            "Cache-Control", "no-store");

    private SecurityHeaders() {}

    static void apply(Context ctx) {
        applyTo(ctx::header);
    }

    static void applyTo(BiConsumer<String, String> headers) {
        HEADERS.forEach(headers);
    }
}
