package dev.whitelabel.domain.port.in;

import dev.whitelabel.domain.model.Actor;
import dev.whitelabel.domain.model.SigningKey;

/**
 * An admin (or the operator) gives the platform a new signing key; the others sign nothing more and stay
 * published for a day, so that events they signed still verify.
 */
public interface RotateSigningKeyUseCase {
    SigningKey rotate(Actor actor);
}
