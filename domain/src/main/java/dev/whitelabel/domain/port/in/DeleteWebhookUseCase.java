package dev.whitelabel.domain.port.in;

import dev.whitelabel.domain.model.Actor;

/**
 * An admin (or the operator) deletes a webhook endpoint of their platform.
 */
public interface DeleteWebhookUseCase {
    /** @throws dev.whitelabel.domain.error.WebhookNotFound not the platform's */
    void delete(Actor actor, long endpointId);
}
