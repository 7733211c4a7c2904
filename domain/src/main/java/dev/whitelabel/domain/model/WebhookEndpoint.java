package dev.whitelabel.domain.model;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Where one platform's revocation events are sent, and which of them. {@code failingSince}: its first
 * failed attempt since its last success, if it has failed since; {@code disabledAt}: when the service
 * stopped sending to it, having seen it fail and nothing else for as long as the operator allows.
 */
public record WebhookEndpoint(
        long id,
        long platformId,
        String url,
        Set<WebhookEventType> events,
        Instant createdAt,
        Optional<Instant> failingSince,
        Optional<Instant> disabledAt) {

    /** The same endpoint, failing since and disabled at these times. */
    public WebhookEndpoint withFailure(Optional<Instant> failingSince, Optional<Instant> disabledAt) {
        return new WebhookEndpoint(id, platformId, url, events, createdAt, failingSince, disabledAt);
    }
}
