package dev.whitelabel.domain.port.in;

import dev.whitelabel.domain.model.Actor;
import dev.whitelabel.domain.model.WebhookEnabled;

/**
 * Sends to a disabled endpoint again, with a fresh time to fail before it is disabled again: the
 * deliveries held meanwhile are due at once, the others keep their schedule. Idempotent: an endpoint
 * that is not disabled stays as it is.
 */
public interface EnableWebhookUseCase {
    /** @throws dev.whitelabel.domain.error.WebhookNotFound not the platform's */
    WebhookEnabled enable(Actor actor, long endpointId);
}
