package dev.whitelabel.domain.port.in;

import dev.whitelabel.domain.model.Actor;
import dev.whitelabel.domain.model.PageRequest;

/** A page of one webhook endpoint's deliveries. */
public record WebhookDeliveriesQuery(Actor actor, long endpointId, PageRequest page) {}
