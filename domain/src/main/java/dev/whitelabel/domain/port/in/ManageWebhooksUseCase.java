package dev.whitelabel.domain.port.in;

import dev.whitelabel.domain.model.Actor;
import dev.whitelabel.domain.model.Page;
import dev.whitelabel.domain.model.PageRequest;
import dev.whitelabel.domain.model.WebhookDelivery;
import dev.whitelabel.domain.model.WebhookEnabled;
import dev.whitelabel.domain.model.WebhookEndpoint;
import dev.whitelabel.domain.model.WebhookEndpointCreated;
import dev.whitelabel.domain.model.WebhookEventType;
import java.util.List;
import java.util.Set;

/** An admin's (or the operator's) webhook endpoints of their platform, and what became of their deliveries. */
public interface ManageWebhooksUseCase {

    /** {@code events} empty: every type. @throws dev.whitelabel.domain.error.InvalidInput a URL that may not be a target */
    WebhookEndpointCreated create(Actor actor, String url, Set<WebhookEventType> events);

    List<WebhookEndpoint> list(Actor actor);

    /** @throws dev.whitelabel.domain.error.WebhookNotFound not the platform's */
    WebhookEndpoint find(Actor actor, long endpointId);

    /**
     * Sends to a disabled endpoint again, with a fresh time to fail before it is disabled again: the
     * deliveries held meanwhile are due at once, the others keep their schedule. Idempotent: an
     * endpoint that is not disabled stays as it is. @throws dev.whitelabel.domain.error.WebhookNotFound
     * not the platform's
     */
    WebhookEnabled enable(Actor actor, long endpointId);

    /** @throws dev.whitelabel.domain.error.WebhookNotFound not the platform's */
    void delete(Actor actor, long endpointId);

    /** @throws dev.whitelabel.domain.error.WebhookNotFound not the platform's */
    Page<WebhookDelivery> deliveries(Actor actor, long endpointId, PageRequest page);

    /** Due again now. @throws dev.whitelabel.domain.error.DeliveryNotFound not one of that endpoint's */
    void retry(Actor actor, long endpointId, long deliveryId);
}
