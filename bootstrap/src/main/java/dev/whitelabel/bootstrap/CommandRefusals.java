package dev.whitelabel.bootstrap;

import dev.whitelabel.domain.error.ApiKeyNotFound;
import dev.whitelabel.domain.error.DeliveryNotFound;
import dev.whitelabel.domain.error.InvalidCredentials;
import dev.whitelabel.domain.error.InvalidInput;
import dev.whitelabel.domain.error.NotWhiteLabelAdmin;
import dev.whitelabel.domain.error.PlatformNotFound;
import dev.whitelabel.domain.error.Refusals;
import dev.whitelabel.domain.error.ServiceClientNotFound;
import dev.whitelabel.domain.error.StorageUnavailable;
import dev.whitelabel.domain.error.TokenNotFound;
import dev.whitelabel.domain.error.TooManyLoginAttempts;
import dev.whitelabel.domain.error.UserNotFound;
import dev.whitelabel.domain.error.WebhookNotFound;
import dev.whitelabel.domain.error.WhitelabelException;
import java.util.Optional;

/**
 * Each refusal of a use case as the command line answers it. What was not found names the database
 * the command ran against, when it is known: a command run from another directory opens, or creates,
 * another database, where nothing is found. A database that does not answer exits with its own code,
 * so that a script can tell "try again" from "no".
 */
final class CommandRefusals implements Refusals<Refused> {

    private final Optional<String> database;

    CommandRefusals(Optional<String> database) {
        this.database = database;
    }

    @Override
    public Refused of(ApiKeyNotFound refusal) {
        return notFound(refusal);
    }

    @Override
    public Refused of(DeliveryNotFound refusal) {
        return notFound(refusal);
    }

    @Override
    public Refused of(InvalidCredentials refusal) {
        return refused(refusal);
    }

    @Override
    public Refused of(InvalidInput refusal) {
        return new Refused(new CommandResults.Invalid(refusal.getMessage(), refusal.errors()), Main.REFUSED);
    }

    @Override
    public Refused of(NotWhiteLabelAdmin refusal) {
        return refused(refusal);
    }

    @Override
    public Refused of(PlatformNotFound refusal) {
        return notFound(refusal);
    }

    @Override
    public Refused of(ServiceClientNotFound refusal) {
        return notFound(refusal);
    }

    @Override
    public Refused of(StorageUnavailable refusal) {
        return new Refused(new CommandResults.Refusal("The database is unavailable."), Main.UNAVAILABLE);
    }

    @Override
    public Refused of(TokenNotFound refusal) {
        return notFound(refusal);
    }

    @Override
    public Refused of(TooManyLoginAttempts refusal) {
        return refused(refusal);
    }

    @Override
    public Refused of(UserNotFound refusal) {
        return notFound(refusal);
    }

    @Override
    public Refused of(WebhookNotFound refusal) {
        return notFound(refusal);
    }

    private Refused notFound(WhitelabelException refusal) {
        return database.map(location ->
                        new Refused(new CommandResults.NotFound(refusal.getMessage(), location), Main.REFUSED))
                .orElseGet(() -> refused(refusal));
    }

    private static Refused refused(WhitelabelException refusal) {
        return new Refused(refusal.getMessage());
    }
}
