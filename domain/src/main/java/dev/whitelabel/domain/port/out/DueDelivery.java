package dev.whitelabel.domain.port.out;

import dev.whitelabel.domain.model.WebhookEvent;
import java.time.Instant;

/**
 * A delivery claimed for sending: to which endpoint and where, with which key, what, how many tries
 * before this one, and until when the claim holds.
 */
public record DueDelivery(
        long id, long endpointId, String url, String secret, WebhookEvent event, int attempts, Instant leaseUntil) {

    @Override
    public String toString() {
        return "DueDelivery[id=" + id + ", endpointId=" + endpointId + ", auditEventId=" + event.auditEventId()
                + ", attempts=" + attempts + "]";
    }
}
