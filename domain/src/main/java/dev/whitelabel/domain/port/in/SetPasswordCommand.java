package dev.whitelabel.domain.port.in;

import dev.whitelabel.domain.model.Actor;
import dev.whitelabel.domain.model.Password;

/** A platform user's new password, set by an admin or the operator. */
public record SetPasswordCommand(Actor actor, long userId, Password password) {}
