package dev.whitelabel.domain.port.in;

import dev.whitelabel.domain.model.AuthenticatedUser;
import dev.whitelabel.domain.model.LogoutResult;
import dev.whitelabel.domain.model.LogoutScope;

/** A user logs themselves out: of the token they called with, of every other one, or of all of them. */
public interface LogoutSelfUseCase {
    LogoutResult logout(AuthenticatedUser caller, LogoutScope scope);
}
