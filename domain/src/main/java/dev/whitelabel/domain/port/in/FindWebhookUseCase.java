package dev.whitelabel.domain.port.in;

import dev.whitelabel.domain.model.Actor;
import dev.whitelabel.domain.model.WebhookEndpoint;

/**
 * One webhook endpoint of the actor's platform.
 */
public interface FindWebhookUseCase {
    /** @throws dev.whitelabel.domain.error.WebhookNotFound not the platform's */
    WebhookEndpoint find(Actor actor, long endpointId);
}
