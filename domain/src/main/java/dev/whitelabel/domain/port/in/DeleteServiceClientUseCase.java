package dev.whitelabel.domain.port.in;

import dev.whitelabel.domain.model.Actor;

/**
 * An admin (or the operator) deletes a service client: refused at once, on every instance. Audited.
 */
public interface DeleteServiceClientUseCase {
    /** @throws dev.whitelabel.domain.error.ServiceClientNotFound not the platform's */
    void delete(Actor actor, long serviceClientId);
}
