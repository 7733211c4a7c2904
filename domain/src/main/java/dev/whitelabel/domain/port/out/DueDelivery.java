package dev.whitelabel.domain.port.out;

import dev.whitelabel.domain.model.WebhookEvent;

/** A delivery claimed for sending: where to, with which key, what, and how many tries before this one. */
public record DueDelivery(long id, String url, String secret, WebhookEvent event, int attempts) {

    @Override
    public String toString() {
        return "DueDelivery[id=" + id + ", auditEventId=" + event.auditEventId() + ", attempts=" + attempts + "]";
    }
}
