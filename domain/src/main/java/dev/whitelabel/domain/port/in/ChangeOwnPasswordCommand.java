package dev.whitelabel.domain.port.in;

import dev.whitelabel.domain.model.AuthenticatedUser;
import dev.whitelabel.domain.model.Password;

/** The caller's own new password, given with their current one. */
public record ChangeOwnPasswordCommand(AuthenticatedUser caller, String currentPassword, Password password) {}
