package dev.whitelabel.bootstrap;

import java.util.Optional;

/**
 * A refusal the command line words itself, printed as {@code {"error":"..."}} with exit code 1; with
 * the database it ran against when what was asked for was not in it (a command run from another
 * directory opens, or creates, another database, where nothing is found).
 */
final class Refused extends RuntimeException {

    private final Optional<String> database;

    Refused(String message) {
        this(message, Optional.empty());
    }

    Refused(String message, Optional<String> database) {
        super(message, null, false, false);
        this.database = database;
    }

    Object answer() {
        return database.<Object>map(location -> new CommandResults.NotFound(getMessage(), location))
                .orElseGet(() -> new CommandResults.Refusal(getMessage()));
    }
}
