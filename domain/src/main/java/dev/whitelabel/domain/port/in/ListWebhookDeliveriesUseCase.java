package dev.whitelabel.domain.port.in;

import dev.whitelabel.domain.model.Page;
import dev.whitelabel.domain.model.WebhookDelivery;

/**
 * What became of a webhook endpoint's deliveries.
 */
public interface ListWebhookDeliveriesUseCase {
    /** @throws dev.whitelabel.domain.error.WebhookNotFound not the platform's */
    Page<WebhookDelivery> deliveries(WebhookDeliveriesQuery command);
}
