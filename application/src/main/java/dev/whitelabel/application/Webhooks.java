package dev.whitelabel.application;

import dev.whitelabel.domain.model.RecordedAuditEvent;
import dev.whitelabel.domain.model.WebhookEvent;
import dev.whitelabel.domain.port.out.Transactions;
import dev.whitelabel.domain.port.out.WebhookStore;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Puts a revocation in the outbox of every endpoint of its platform that takes it. Called inside the
 * transaction of the revocation, so that the event is there exactly when the revocation committed;
 * the outbox row names the audit event and nothing more, so the logout writes a few bytes, and
 * nothing is sent here, so a logout never waits for a receiver. This instance's dispatcher is woken
 * once the revocation commits, when the event can be claimed; while it has room, the deliveries are
 * written claimed for it and handed over, and no other claim need lock them.
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
            Optional<Instant> claimedUntil = activity.claimFrom(now);
            List<Long> deliveries =
                    store.enqueue(event.platformId(), event.type(), event.auditEventId(), claimedUntil.orElse(now));
            if (!deliveries.isEmpty()) {
                transactions.afterCommit(
                        claimedUntil.isPresent() ? () -> activity.handOver(deliveries) : activity::signal);
            }
        });
    }
}
