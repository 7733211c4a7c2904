package dev.whitelabel.adapters.http;

import io.javalin.http.Context;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpField;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Every request gets an id (the caller's X-Request-Id when it is a sane one, a new one otherwise),
 * returned on the answer and put on every log line of the request; at its end, one access-log line
 * and one timing. Never a header value, a token, a raw path or a body: the route template only.
 */
final class RequestLog {

    static final String HEADER = "X-Request-Id";
    static final String MDC_KEY = "request_id";
    private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final Logger ACCESS = LoggerFactory.getLogger("whitelabel.access");
    private static final Set<String> KNOWN_METHODS =
            Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "CONNECT");

    private final ApiMetrics metrics;

    RequestLog(ApiMetrics metrics) {
        this.metrics = metrics;
    }

    /** The first step of every request Javalin serves: its id, on the answer and the log, and the security headers. */
    void begin(Context ctx) {
        String id = idFor(ctx.req().getHeader(HEADER));
        var headers = SecurityHeaders.jettyHeaders(ctx);
        if (headers == null) {
            ctx.header(HEADER, id);
        } else {
            // a field of a known name, so that Jetty need not look the name up again
            headers.put(new HttpField(null, HEADER, id));
        }
        SecurityHeaders.apply(ctx);
        MDC.put(MDC_KEY, id);
    }

    void end(Context ctx, Float millis) {
        try {
            line(method(ctx.req().getMethod()), route(ctx), ctx.statusCode(), Duration.ofNanos((long)
                    (millis * 1_000_000)));
        } finally {
            MDC.remove(MDC_KEY);
        }
    }

    /** The id of a request served outside Javalin: the caller's when it is a sane one, a new one otherwise. */
    String idFor(String sent) {
        return sent != null && SANE_ID.matcher(sent).matches() ? sent : newId();
    }

    /**
     * A version 4 UUID from this thread's generator: a request id correlates log lines and is no
     * secret (a caller may send its own), so it need not cost a SecureRandom call, and the lock
     * shared by all threads that comes with it, on every request.
     */
    static String newId() {
        var random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low).toString();
    }

    /** The line of a request served outside Javalin (the files of the jar), on whichever thread finished it. */
    void line(String id, String method, String route, int status, Duration duration) {
        lineOf(id, method(method), route, status, duration);
    }

    /**
     * The line of a request the server refused before any route saw it (unparseable, too large, too
     * slow): a new id and the status only, since nothing of such a request can be trusted to be
     * harmless in a log. Answers the id, for the refusal's X-Request-Id.
     */
    String refused(int status) {
        String id = newId();
        lineOf(id, "-", "refused", status, Duration.ZERO);
        return id;
    }

    /** A line written on a thread that is not serving the request: the request's id is put on it for the line. */
    private void lineOf(String id, String method, String route, int status, Duration duration) {
        MDC.put(MDC_KEY, id);
        try {
            line(method, route, status, duration);
        } finally {
            MDC.remove(MDC_KEY);
        }
    }

    private void line(String method, String route, int status, Duration duration) {
        if (ACCESS.isInfoEnabled()) {
            // built here rather than from "{} {} {} {}ms": Logback formats every message as it writes it
            ACCESS.info(new StringBuilder(method.length() + route.length() + 16)
                    .append(method)
                    .append(' ')
                    .append(route)
                    .append(' ')
                    .append(status)
                    .append(' ')
                    .append(duration.toMillis())
                    .append("ms")
                    .toString());
        }
        metrics.request(method, route, status, duration);
    }

    /** A method of HTTP's own, or OTHER: a made-up method must not become a new metric series or a long log line. */
    private static String method(String method) {
        return KNOWN_METHODS.contains(method) ? method : "OTHER";
    }

    /** The matched route's template, such as /api/white-label/users/{id}/tokens; never the raw path. */
    private static String route(Context ctx) {
        var endpoint = ctx.endpoints().matchedHttpEndpoint();
        return endpoint == null ? "unmatched" : endpoint.path;
    }
}
