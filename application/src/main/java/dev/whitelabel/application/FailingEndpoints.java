package dev.whitelabel.application;

import dev.whitelabel.domain.model.AuditActor;
import dev.whitelabel.domain.model.AuditEvent;
import dev.whitelabel.domain.model.AuditEvent.AuditAction;
import dev.whitelabel.domain.model.WebhookEndpoint;
import dev.whitelabel.domain.port.out.AuditLog;
import dev.whitelabel.domain.port.out.WebhookStore;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Endpoints that do nothing but fail are disabled, as Svix and Stripe do: failing from the first failed
 * attempt after a success, no longer at the next success, and disabled by a failed attempt once they
 * have been failing for the operator's {@code disableAfter}. A receiver gone for good then stops taking
 * sends, and its deliveries wait for an admin to enable it rather than run out of attempts.
 */
final class FailingEndpoints {

    private final WebhookStore store;
    private final AuditLog auditLog;
    private final Duration disableAfter;

    FailingEndpoints(WebhookStore store, AuditLog auditLog, Duration disableAfter) {
        this.store = store;
        this.auditLog = auditLog;
        this.disableAfter = disableAfter;
    }

    /** Records what a round's attempts tell of their endpoints, in its transaction; answers how many it disabled. */
    int judge(Set<Long> answeredEndpoints, Set<Long> failedEndpoints, Instant now) {
        List<WebhookEndpoint> disabled =
                store.endpointsAnswered(answeredEndpoints, failedEndpoints, now.minus(disableAfter), now);
        for (WebhookEndpoint endpoint : disabled) {
            auditLog.record(AuditEvent.ofWebhook(
                    now, endpoint.platformId(), AuditActor.SYSTEM, endpoint.id(), AuditAction.WEBHOOK_DISABLED));
        }
        return disabled.size();
    }
}
