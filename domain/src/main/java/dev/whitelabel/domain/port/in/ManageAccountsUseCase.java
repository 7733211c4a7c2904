package dev.whitelabel.domain.port.in;

import dev.whitelabel.domain.model.Actor;
import dev.whitelabel.domain.model.AuthenticatedUser;
import dev.whitelabel.domain.model.LogoutResult;
import dev.whitelabel.domain.model.Password;

/**
 * What follows a platform user's account: a new password, disabled, enabled, deleted. Each but
 * enabling ends the user's tokens the way a logout does, in the same transaction, audited with its
 * reason and announced to the platform's webhooks; enabling is audited and gives no token back. Every admin operation answers
 * {@link dev.whitelabel.domain.error.UserNotFound} for a user who is not a platform user of the
 * actor's platform.
 */
public interface ManageAccountsUseCase {

    /**
     * The caller's own new password; every other token of theirs ends, the one making the request stays.
     *
     * @throws dev.whitelabel.domain.error.InvalidInput on {@code current_password} when it is wrong
     */
    LogoutResult changeOwnPassword(AuthenticatedUser caller, String currentPassword, Password password);

    /** An admin sets the user's password; every token of the user ends. */
    LogoutResult setPassword(Actor actor, long userId, Password password);

    /** Every token ends; login and token issuing are refused until {@link #enable}. */
    LogoutResult disable(Actor actor, long userId);

    void enable(Actor actor, long userId);

    /** Every token ends, then the user's personal data is removed; the email is free again. */
    LogoutResult delete(Actor actor, long userId);
}
