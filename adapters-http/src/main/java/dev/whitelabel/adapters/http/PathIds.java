package dev.whitelabel.adapters.http;

import java.util.Optional;

/** An id in a URL path: a positive number, or nothing. */
final class PathIds {

    private PathIds() {}

    static Optional<Long> positive(String text) {
        if (text == null || !text.matches("[1-9][0-9]{0,17}")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(text));
    }
}
