package dev.whitelabel.adapters.http;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.eclipse.jetty.ee10.servlet.ServletContextResponse;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.PreEncodedHttpField;

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

    /**
     * The same headers, encoded once: Jetty copies their bytes into each answer instead of looking up
     * and encoding every name and value again (what it saves: bench/README.md).
     */
    private static final List<HttpField> ENCODED = HEADERS.entrySet().stream()
            .map(header -> (HttpField)
                    new PreEncodedHttpField(HttpHeader.CACHE.get(header.getKey()), header.getKey(), header.getValue()))
            .toList();

    private SecurityHeaders() {}

    static void apply(Context ctx) {
        HttpFields.Mutable headers = jettyHeaders(ctx);
        if (headers == null) {
            applyTo(ctx::header);
            return;
        }
        for (HttpField header : ENCODED) {
            headers.put(header);
        }
    }

    /** The headers of Jetty's own response under the servlet one, or null when it cannot be reached. */
    static HttpFields.Mutable jettyHeaders(Context ctx) {
        var response = ServletContextResponse.getServletContextResponse(ctx.res());
        return response == null ? null : response.getHeaders();
    }

    static void applyTo(BiConsumer<String, String> headers) {
        HEADERS.forEach(headers);
    }
}
