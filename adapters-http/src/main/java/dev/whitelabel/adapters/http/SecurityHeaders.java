package dev.whitelabel.adapters.http;

import io.javalin.http.Context;

/**
 * Headers on every answer, pages and API alike: scripts only from this server and never inline,
 * no framing, no MIME sniffing, no referrer, no caching.
 */
final class SecurityHeaders {

    // Swagger UI sets style attributes and draws its icons as data: images; no inline script anywhere.
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'; form-action 'self'; object-src 'none'";

    private SecurityHeaders() {}

    static void apply(Context ctx) {
        ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Frame-Options", "DENY");
        // answers carry tokens (register, login, token, API keys): no cache may keep them (RFC 6749 5.1)
        ctx.header("Cache-Control", "no-store");
    }
}
