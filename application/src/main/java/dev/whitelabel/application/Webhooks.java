package dev.whitelabel.application;

import dev.whitelabel.domain.model.WebhookEvent;
import dev.whitelabel.domain.port.out.WebhookStore;
import java.time.Instant;

/**
 * Puts an event in the outbox of every endpoint of its platform that takes it. Called inside the
 * transaction of the revocation, so that the event is there exactly when the revocation committed;
 * nothing is sent here, so a logout never waits for a receiver.
 */
final class Webhooks {

    static final String MESSAGE_ID_PREFIX = "msg_";
    private static final int MESSAGE_ID_LENGTH = 24;

    private final WebhookStore store;
    private final TokenSecrets ids = new TokenSecrets();

    Webhooks(WebhookStore store) {
        this.store = store;
    }

    void announce(WebhookEvent event, Instant now) {
        for (var endpoint : store.subscribed(event.platformId(), event.type())) {
            store.enqueue(endpoint.id(), MESSAGE_ID_PREFIX + ids.next(MESSAGE_ID_LENGTH), event, now);
        }
    }
}
