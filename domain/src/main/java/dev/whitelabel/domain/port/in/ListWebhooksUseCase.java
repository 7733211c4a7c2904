package dev.whitelabel.domain.port.in;

import dev.whitelabel.domain.model.Actor;
import dev.whitelabel.domain.model.WebhookEndpoint;
import java.util.List;

/**
 * The webhook endpoints of the actor's platform.
 */
public interface ListWebhooksUseCase {
    List<WebhookEndpoint> list(Actor actor);
}
