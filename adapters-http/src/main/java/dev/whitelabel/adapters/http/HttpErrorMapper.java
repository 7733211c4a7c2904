package dev.whitelabel.adapters.http;

import dev.whitelabel.domain.error.ApiKeyNotFound;
import dev.whitelabel.domain.error.DeliveryNotFound;
import dev.whitelabel.domain.error.ErrorMapper;
import dev.whitelabel.domain.error.InvalidCredentials;
import dev.whitelabel.domain.error.InvalidInput;
import dev.whitelabel.domain.error.NotWhiteLabelAdmin;
import dev.whitelabel.domain.error.PlatformNotFound;
import dev.whitelabel.domain.error.ServiceClientNotFound;
import dev.whitelabel.domain.error.StorageUnavailable;
import dev.whitelabel.domain.error.StreamNotFound;
import dev.whitelabel.domain.error.TokenNotFound;
import dev.whitelabel.domain.error.TooManyLoginAttempts;
import dev.whitelabel.domain.error.UserNotFound;
import dev.whitelabel.domain.error.WebhookNotFound;
import io.javalin.http.Context;

/** Each refusal of a use case as the HTTP answer {@link ErrorResponses} describes. */
final class HttpErrorMapper implements ErrorMapper<Context> {

    private final Context ctx;

    HttpErrorMapper(Context ctx) {
        this.ctx = ctx;
    }

    @Override
    public Context of(ApiKeyNotFound refusal) {
        return message(404, refusal.getMessage());
    }

    @Override
    public Context of(DeliveryNotFound refusal) {
        return error(404, refusal.getMessage());
    }

    @Override
    public Context of(InvalidCredentials refusal) {
        return error(401, refusal.getMessage());
    }

    @Override
    public Context of(InvalidInput refusal) {
        return ErrorResponses.invalid(ctx, InputErrors.errors(refusal));
    }

    @Override
    public Context of(NotWhiteLabelAdmin refusal) {
        return error(403, refusal.getMessage());
    }

    @Override
    public Context of(PlatformNotFound refusal) {
        return error(404, refusal.getMessage());
    }

    @Override
    public Context of(ServiceClientNotFound refusal) {
        return error(404, refusal.getMessage());
    }

    @Override
    public Context of(StorageUnavailable refusal) {
        // fail closed: no token is accepted unchecked; the pool reconnects by itself
        ctx.header("Retry-After", "1");
        return message(503, refusal.getMessage());
    }

    @Override
    public Context of(TokenNotFound refusal) {
        return error(404, refusal.getMessage());
    }

    @Override
    public Context of(TooManyLoginAttempts refusal) {
        ctx.header("Retry-After", Long.toString(refusal.retryAfterSeconds()));
        return message(429, refusal.getMessage());
    }

    @Override
    public Context of(UserNotFound refusal) {
        return error(404, refusal.getMessage());
    }

    @Override
    public Context of(WebhookNotFound refusal) {
        return error(404, refusal.getMessage());
    }

    @Override
    public Context of(StreamNotFound refusal) {
        return error(404, refusal.getMessage());
    }

    private Context error(int status, String error) {
        return ErrorResponses.error(ctx, status, error);
    }

    private Context message(int status, String message) {
        return ErrorResponses.message(ctx, status, message);
    }
}
