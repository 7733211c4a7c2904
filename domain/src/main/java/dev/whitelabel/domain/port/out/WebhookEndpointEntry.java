package dev.whitelabel.domain.port.out;

import dev.whitelabel.domain.model.WebhookEventType;
import java.time.Instant;
import java.util.Set;

/**
 * An endpoint as it is written to the store. Its signing secret is kept as it is, unlike every
 * other secret here: HMAC signs with the key itself, so a digest of it could sign nothing.
 */
public record WebhookEndpointEntry(
        long platformId, String url, Set<WebhookEventType> events, String secret, Instant createdAt) {

    @Override
    public String toString() {
        return "WebhookEndpointEntry[platformId=" + platformId + ", url=" + url + ", events=" + events
                + ", secret=<hidden>]";
    }
}
