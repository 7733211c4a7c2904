package dev.whitelabel.domain.port.in;

import dev.whitelabel.domain.model.Actor;
import java.util.Optional;

/** A Shared Signals receiver proves itself with a service client's credentials of the platform it reads. */
public interface AuthenticateReceiverUseCase {
    /**
     * The client, as an actor of its platform; empty when the secret is not the client's.
     *
     * @throws dev.whitelabel.domain.error.TooManyLoginAttempts too many wrong secrets for the client id
     */
    Optional<Actor> authenticate(String clientId, String secret);
}
