package dev.whitelabel.bootstrap;

import dev.whitelabel.adapters.http.InputErrors;
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
import dev.whitelabel.domain.error.WhitelabelException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Each refusal of a use case as the command line answers it. What was not found names the database
 * the command ran against, when it is known: a command run from another directory opens, or creates,
 * another database, where nothing is found. A database that does not answer exits with its own code,
 * so that a script can tell "try again" from "no".
 */
final class CommandErrorMapper implements ErrorMapper<CommandFailure> {

    private final Optional<String> database;

    CommandErrorMapper(Optional<String> database) {
        this.database = database;
    }

    @Override
    public CommandFailure of(ApiKeyNotFound refusal) {
        return notFound(refusal);
    }

    @Override
    public CommandFailure of(DeliveryNotFound refusal) {
        return notFound(refusal);
    }

    @Override
    public CommandFailure of(InvalidCredentials refusal) {
        return refused(refusal);
    }

    @Override
    public CommandFailure of(InvalidInput refusal) {
        return invalid(InputErrors.errors(refusal));
    }

    /** Wrong input, field by field, worded as the HTTP API words it. */
    static CommandFailure invalid(Map<String, List<String>> errors) {
        return new CommandFailure(new CommandResults.Invalid(InputErrors.summary(errors), errors), Main.REFUSED);
    }

    @Override
    public CommandFailure of(NotWhiteLabelAdmin refusal) {
        return refused(refusal);
    }

    @Override
    public CommandFailure of(PlatformNotFound refusal) {
        return notFound(refusal);
    }

    @Override
    public CommandFailure of(ServiceClientNotFound refusal) {
        return notFound(refusal);
    }

    @Override
    public CommandFailure of(StorageUnavailable refusal) {
        return new CommandFailure(new CommandResults.Refusal("The database is unavailable."), Main.UNAVAILABLE);
    }

    @Override
    public CommandFailure of(TokenNotFound refusal) {
        return notFound(refusal);
    }

    @Override
    public CommandFailure of(TooManyLoginAttempts refusal) {
        return refused(refusal);
    }

    @Override
    public CommandFailure of(UserNotFound refusal) {
        return notFound(refusal);
    }

    @Override
    public CommandFailure of(WebhookNotFound refusal) {
        return notFound(refusal);
    }

    @Override
    public CommandFailure of(StreamNotFound refusal) {
        return notFound(refusal);
    }

    private CommandFailure notFound(WhitelabelException refusal) {
        return database.map(location ->
                        new CommandFailure(new CommandResults.NotFound(refusal.getMessage(), location), Main.REFUSED))
                .orElseGet(() -> refused(refusal));
    }

    private static CommandFailure refused(WhitelabelException refusal) {
        return new CommandFailure(refusal.getMessage());
    }
}
