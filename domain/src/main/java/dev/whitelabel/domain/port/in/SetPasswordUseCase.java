package dev.whitelabel.domain.port.in;

import dev.whitelabel.domain.model.LogoutResult;

/**
 * An admin sets a platform user's password: every token of the user ends, in the same transaction,
 * audited and announced.
 *
 * @throws dev.whitelabel.domain.error.UserNotFound not a platform user of the actor's platform
 */
public interface SetPasswordUseCase {
    LogoutResult setPassword(SetPasswordCommand command);
}
