package dev.whitelabel.domain.port.out;

import dev.whitelabel.domain.model.Page;
import dev.whitelabel.domain.model.PageRequest;
import dev.whitelabel.domain.model.WebhookDelivery;
import dev.whitelabel.domain.model.WebhookEndpoint;
import dev.whitelabel.domain.model.WebhookEventType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The webhook endpoints of every platform and the outbox of their deliveries. A delivery is written
 * in the transaction of the revocation it tells of, so there is one exactly when that committed.
 * Every call but {@link #claimDue} and the recording of an attempt is confined to one platform.
 */
public interface WebhookStore {

    WebhookEndpoint add(WebhookEndpointEntry endpoint);

    /** The platform's undeleted endpoints, oldest first. */
    List<WebhookEndpoint> list(long platformId);

    /** The undeleted endpoint matched by its id and platform together. */
    Optional<WebhookEndpoint> find(long platformId, long endpointId);

    /**
     * Deletes the endpoint matched by its id and platform together; its pending deliveries are never
     * claimed again (sends in flight finish). False when none.
     */
    boolean delete(long platformId, long endpointId, Instant now);

    /**
     * A delivery, due at {@code due}, of the event recorded as that audit event to every undeleted
     * endpoint of the platform that takes events of {@code type}; answers their ids. One statement,
     * whatever the endpoints: a logout pays the same for it with one endpoint or none. A {@code due}
     * time ahead is a claim from birth: the writer's dispatcher sends them, and if it dies they are
     * due to any claim then.
     */
    List<Long> enqueue(long platformId, WebhookEventType type, long auditEventId, Instant due);

    /**
     * Those of {@code deliveryIds} still claimed at {@code now} (written by {@link #enqueue} with a time
     * ahead), each with its claim's end, as {@link #claimDue} answers them: those of deleted endpoints
     * are ended and those of disabled ones held instead. One made due again meanwhile (an admin's retry)
     * is left to the next claim.
     */
    List<DueDelivery> claimedAtWrite(List<Long> deliveryIds, Instant now);

    /**
     * Claims the deliveries due at {@code claim.now()} of undeleted, enabled endpoints, oldest first,
     * within the claim's limits, putting their next attempt at its lease: no other instance claims them
     * meanwhile, and one whose sender died is due again then. On PostgreSQL, claims of several
     * instances skip each other's rows.
     * Due deliveries of deleted endpoints it meets are ended instead, and those of disabled endpoints
     * held: no next attempt, their attempts untouched, until {@link #resume}.
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

    /**
     * What a round's attempts tell of their endpoints, given by id. An endpoint in
     * {@code answeredEndpoints} is failing no more; one only in {@code failedEndpoints} is failing from
     * {@code now}, unless it was already. Then those failing since {@code disableIfFailingSince} or
     * earlier are disabled: answers them, each once whichever instance records its failures. Deleted
     * endpoints are left alone.
     */
    List<WebhookEndpoint> endpointsAnswered(
            Set<Long> answeredEndpoints, Set<Long> failedEndpoints, Instant disableIfFailingSince, Instant now);

    /**
     * Enables the platform's endpoint if it is disabled, and forgets that it was failing: it starts
     * afresh. False when it was not disabled, or is not an undeleted endpoint of that platform.
     */
    boolean enable(long platformId, long endpointId);

    /**
     * Makes every delivery held while the enabled endpoint was disabled due at {@code now}, counting
     * those a claim that read it as disabled is holding; answers how many, with those that were due
     * anyway. Those waiting for a next attempt keep its time.
     */
    int resume(long platformId, long endpointId, Instant now);

    /** The endpoint's deliveries, newest first; empty when it is not the platform's. */
    Page<WebhookDelivery> deliveries(long platformId, long endpointId, PageRequest page);

    /** Makes the delivery due now, whatever became of it; false when it is not one of that endpoint of that platform. */
    boolean retry(long platformId, long endpointId, long deliveryId, Instant now);
}
