package dev.whitelabel.domain.port.in;

import dev.whitelabel.domain.model.AuthenticatedUser;
import dev.whitelabel.domain.model.LogoutResult;

/** A user logs themselves out: the token they called with, or every token of theirs. */
public interface LogoutSelfUseCase {
    LogoutResult logout(AuthenticatedUser caller, boolean everyToken);
}
