package dev.whitelabel.domain.port.in;

import dev.whitelabel.domain.model.LogoutResult;

/**
 * A platform user's own new password: every other token of theirs ends, the one making the request
 * stays, in the same transaction, audited and announced to the platform's webhooks.
 */
public interface ChangeOwnPasswordUseCase {
    /** @throws dev.whitelabel.domain.error.InvalidInput on {@code current_password} when it is wrong */
    LogoutResult changeOwnPassword(ChangeOwnPasswordCommand command);
}
