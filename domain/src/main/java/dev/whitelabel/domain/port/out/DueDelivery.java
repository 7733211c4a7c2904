package dev.whitelabel.domain.port.out;

import java.time.Instant;

/** A delivery claimed for sending: where to, with which key, what, and how many tries before this one. */
public record DueDelivery(long id, String messageId, String url, String secret, String body, int attempts, Instant occurredAt) {

    @Override
    public String toString() {
        return "DueDelivery[id=" + id + ", messageId=" + messageId + ", attempts=" + attempts + "]";
    }
}
