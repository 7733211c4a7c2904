package dev.whitelabel.adapters.http;

import dev.whitelabel.domain.error.WhitelabelException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where refusals become HTTP answers (a use case's through {@link HttpErrorMapper}). Response bodies carry fixed texts only: no input,
 * no exception message, no class name. The one exception is the name of a query parameter a route
 * does not take, so that a caller can find their typo: short, percent-encoded ({@link QueryParameters}).
 *
 * <p>Why some refusals, 404s among them, are {@code {"error":...}} and others {@code {"message":...}}:
 * the public API document of the admin logout (and the contract that extends it to every
 * {@code /api/white-label/*} route) fixes {@code {"error":...}} for the admin routes' refusals, as in
 * 403 {@code {"error":"You are not a white label admin."}} and 404 {@code {"error":"User not found."}},
 * and for a wrong login password; the OAuth routes answer RFC 6749's {@code {"error":"invalid_client"}}.
 * Everything else has Laravel's {@code {"message":...}}, as the contract's 401 {@code {"message":
 * "Unauthenticated."}} and 422 (with {@code errors}) do: 429, 503, the framework's own statuses, and
 * the user's own routes under {@code /api/user/*}, so a missing API key is 404 {@code {"message":"API
 * key not found."}}. Clients rely on each shape as it is; neither changes.
 */
final class ErrorResponses {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);

    private ErrorResponses() {}

    static void register(RoutesConfig routes, ApiMetrics metrics) {
        routes.exception(Unauthenticated.class, (e, ctx) -> {
            metrics.authenticationFailed(e.reason());
            ctx.header("WWW-Authenticate", e.challenge());
            message(ctx, e.status(), e.getMessage());
        });
        routes.exception(InsufficientScope.class, (e, ctx) -> {
            ctx.header("WWW-Authenticate", InsufficientScope.CHALLENGE);
            message(ctx, 403, e.getMessage());
        });
        routes.exception(WhitelabelException.class, (e, ctx) -> e.mappedBy(new HttpErrorMapper(ctx)));
        routes.exception(InvalidRequest.class, (e, ctx) -> invalid(ctx, e.errors()));
        routes.exception(OAuthError.class, (e, ctx) -> {
            if (e.challengesBasic()) {
                ctx.header("WWW-Authenticate", "Basic realm=\"whitelabel\"");
            }
            error(ctx, e.status(), e.getMessage());
        });
        routes.exception(HttpProblem.class, (e, ctx) -> message(ctx, e.status(), e.getMessage()));
        routes.exception(
                HttpResponseException.class, (e, ctx) -> message(ctx, e.getStatus(), statusText(e.getStatus())));
        routes.exception(Exception.class, (e, ctx) -> {
            // The class and the route only: an exception message may quote the request or a query.
            LOG.error("Unhandled {} on {} {}", e.getClass().getName(), ctx.method(), ctx.endpoint().path);
            message(ctx, 500, "Server error.");
        });
    }

    static Context error(Context ctx, int status, String error) {
        return ctx.status(status).json(new ResponseBodies.Error(error));
    }

    static Context invalid(Context ctx, Map<String, List<String>> errors) {
        return ctx.status(422).json(new ResponseBodies.Validation(InputErrors.summary(errors), errors));
    }

    static Context message(Context ctx, int status, String message) {
        return ctx.status(status).json(new ResponseBodies.Message(message));
    }

    static String statusText(int status) {
        return switch (status) {
            case 404 -> "Not found.";
            case 405 -> "Method not allowed.";
            case 408 -> "Request timeout: the body did not arrive in time.";
            case 413 -> "Request body too large.";
            case 414 -> "URI too long.";
            case 431 -> "Request header fields too large.";
            case 505 -> "HTTP version not supported.";
            case 503 -> "Service unavailable.";
            default -> status >= 500 ? "Server error." : "Bad request.";
        };
    }
}
