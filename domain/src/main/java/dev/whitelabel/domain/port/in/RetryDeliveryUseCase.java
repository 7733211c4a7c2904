package dev.whitelabel.domain.port.in;

import dev.whitelabel.domain.model.Actor;

/**
 * A delivery of a webhook endpoint due again now.
 */
public interface RetryDeliveryUseCase {
    /** @throws dev.whitelabel.domain.error.DeliveryNotFound not one of that endpoint's */
    void retry(Actor actor, long endpointId, long deliveryId);
}
