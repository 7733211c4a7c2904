package dev.whitelabel.domain.port.out;

import dev.whitelabel.domain.model.Page;
import dev.whitelabel.domain.model.PageRequest;
import dev.whitelabel.domain.model.WebhookDelivery;
import dev.whitelabel.domain.model.WebhookEndpoint;
import dev.whitelabel.domain.model.WebhookEventType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The webhook endpoints of every platform and the outbox of their deliveries. A delivery is written
 * in the transaction of the revocation it tells of, so there is one exactly when that committed.
 * Every call but {@link #claimDue} and the recording of an attempt is confined to one platform.
 */
public interface WebhookStore {

    WebhookEndpoint add(WebhookEndpointEntry endpoint);

    /** The platform's undeleted endpoints, oldest first. */
    List<WebhookEndpoint> list(long platformId);

    /**
     * Deletes the endpoint matched by its id and platform together; its pending deliveries are never
     * claimed again (sends in flight finish). False when none.
     */
    boolean delete(long platformId, long endpointId, Instant now);

    /**
     * A delivery, due at once, of the event recorded as that audit event to every undeleted endpoint
     * of the platform that takes events of {@code type}. One statement, whatever the endpoints: a
     * logout pays the same for it with one endpoint or none.
     */
    void enqueue(long platformId, WebhookEventType type, long auditEventId, Instant now);

    /**
     * Claims the deliveries due at {@code claim.now()} of undeleted endpoints, oldest first, within the
     * claim's limits, putting their next attempt at its lease: no other instance claims them meanwhile,
     * and one whose sender died is due again then. On PostgreSQL, claims of several instances skip each
     * other's rows. Due deliveries of deleted endpoints it meets are ended instead.
     */
    List<DueDelivery> claimDue(DeliveryClaim claim);

    /** The attempts got the 2xx {@code status}: these deliveries are done. */
    void delivered(List<Long> deliveryIds, int status, Instant now);

    /**
     * The attempt got another status or none ({@code error} says why); tried again at
     * {@code nextAttemptAt}, or given up when there is none.
     */
    void attemptFailed(
            long deliveryId,
            Optional<Integer> status,
            Optional<String> error,
            Optional<Instant> nextAttemptAt,
            Instant now);

    /** The endpoint's deliveries, newest first; empty when it is not the platform's. */
    Page<WebhookDelivery> deliveries(long platformId, long endpointId, PageRequest page);

    /** Makes the delivery due now, whatever became of it; false when it is not one of that endpoint of that platform. */
    boolean retry(long platformId, long endpointId, long deliveryId, Instant now);
}
