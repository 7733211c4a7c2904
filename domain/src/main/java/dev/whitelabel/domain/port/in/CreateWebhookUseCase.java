package dev.whitelabel.domain.port.in;

import dev.whitelabel.domain.model.WebhookEndpointCreated;

/**
 * An admin (or the operator) creates a webhook endpoint of their platform; its signing secret is shown this once.
 */
public interface CreateWebhookUseCase {
    /** {@code events} empty: every type. @throws dev.whitelabel.domain.error.InvalidInput a URL that may not be a target */
    WebhookEndpointCreated create(CreateWebhookCommand command);
}
