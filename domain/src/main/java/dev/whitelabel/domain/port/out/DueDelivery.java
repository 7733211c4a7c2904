package dev.whitelabel.domain.port.out;

import dev.whitelabel.domain.model.WebhookEvent;
import java.time.Instant;

/**
 * A delivery claimed for sending: to which endpoint and where, with which key, what, how many tries
 * before this one, until when the claim holds, and whether its endpoint was failing when claimed (a
 * success then has that to undo; otherwise a round of successes has nothing to write of its endpoints).
 */
public record DueDelivery(
        long id,
        long endpointId,
        String url,
        String secret,
        WebhookEvent event,
        int attempts,
        Instant leaseUntil,
        boolean endpointFailing) {

    @Override
    public String toString() {
        return "DueDelivery[id=" + id + ", endpointId=" + endpointId + ", auditEventId=" + event.auditEventId()
                + ", attempts=" + attempts + "]";
    }
}
