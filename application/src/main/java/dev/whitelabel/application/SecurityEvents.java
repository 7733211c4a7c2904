package dev.whitelabel.application;

import dev.whitelabel.domain.model.RecordedAuditEvent;
import dev.whitelabel.domain.model.SecurityEvent;
import dev.whitelabel.domain.model.SecurityEventType;
import dev.whitelabel.domain.model.User;
import dev.whitelabel.domain.port.out.EventStreamStore;
import dev.whitelabel.domain.port.out.Transactions;
import java.time.Instant;
import java.util.List;

/**
 * Puts an audited change to a user in every Shared Signals stream of the platform that asked for it, in
 * the transaction of the change: a change rolled back is told to nobody. Nothing is signed or sent here.
 */
final class SecurityEvents {

    private final EventStreamStore store;
    private final Transactions transactions;
    private final DeliveryActivity activity;

    SecurityEvents(EventStreamStore store, Transactions transactions, DeliveryActivity activity) {
        this.store = store;
        this.transactions = transactions;
        this.activity = activity;
    }

    void announce(RecordedAuditEvent recorded, User user, Instant now) {
        List<SecurityEventType> types = SecurityEventType.announcing(recorded.event());
        for (SecurityEventType type : types) {
            store.enqueue(SecurityEvent.of(type, recorded, user), now);
        }
        if (!types.isEmpty()) {
            transactions.afterCommit(activity::signal);
        }
    }
}
