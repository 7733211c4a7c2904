package dev.whitelabel.application;

import dev.whitelabel.domain.model.RecordedAuditEvent;
import dev.whitelabel.domain.model.WebhookEvent;
import dev.whitelabel.domain.port.out.Transactions;
import dev.whitelabel.domain.port.out.WebhookStore;
import java.time.Instant;

/**
 * Puts a revocation in the outbox of every endpoint of its platform that takes it. Called inside the
 * transaction of the revocation, so that the event is there exactly when the revocation committed;
 * the outbox row names the audit event and nothing more, so the logout writes a few bytes, and
 * nothing is sent here, so a logout never waits for a receiver. This instance's dispatcher is woken
 * once the revocation commits, when the event can be claimed.
 */
final class Webhooks {

    private final WebhookStore store;
    private final Transactions transactions;
    private final DeliveryActivity activity;

    Webhooks(WebhookStore store, Transactions transactions, DeliveryActivity activity) {
        this.store = store;
        this.transactions = transactions;
        this.activity = activity;
    }

    void announce(RecordedAuditEvent recorded, Instant now) {
        WebhookEvent.of(recorded).ifPresent(event -> {
            store.enqueue(event.platformId(), event.type(), event.auditEventId(), now);
            transactions.afterCommit(activity::signal);
        });
    }
}
