package dev.whitelabel.adapters.http;

import dev.whitelabel.domain.error.UserNotFound;
import io.javalin.http.Context;
import java.util.Optional;

/** An id in a URL path: a positive number, or nothing. */
final class PathIds {

    private PathIds() {}

    /** The {@code {id}} of a user's path; one that is not a positive number names no user. */
    static long user(Context ctx) {
        return positive(ctx.pathParam("id")).orElseThrow(UserNotFound::new);
    }

    static Optional<Long> positive(String text) {
        if (text == null || !text.matches("[1-9][0-9]{0,17}")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(text));
    }
}
