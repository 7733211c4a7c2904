package dev.whitelabel.domain.port.in;

import dev.whitelabel.domain.model.Actor;

/** A delivery of a webhook endpoint, to be due again now. */
public record RetryDeliveryCommand(Actor actor, long endpointId, long deliveryId) {}
