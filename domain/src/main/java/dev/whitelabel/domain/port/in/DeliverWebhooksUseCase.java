package dev.whitelabel.domain.port.in;

import dev.whitelabel.domain.model.DeliveryRound;
import java.time.Duration;

/**
 * Webhook delivery on this instance. A dispatcher takes {@link #step} over and over, waiting with
 * {@link #awaitActivity} when a step did nothing; an embedder without one may call {@link #deliverDue}.
 */
public interface DeliverWebhooksUseCase {

    /**
     * Records the attempts that ended (in one transaction), then claims what is due for endpoints
     * with room and starts sending it. Never waits for a receiver.
     */
    DeliveryRound step();

    /**
     * Waits until an attempt ends, an event is put in the outbox on this instance, or {@code timeout}
     * passes; false when it passed.
     */
    boolean awaitActivity(Duration timeout) throws InterruptedException;

    /**
     * Claims no more, waits up to {@code within} for the attempts in flight and records those that
     * ended; the others are abandoned, tried again once their claim lapses.
     */
    DeliveryRound finish(Duration within);

    /** Attempts running now, and deliveries claimed waiting for their endpoint's turn. */
    int held();

    /**
     * One claim's worth sent and its outcomes recorded, waiting for the answers up to their deadline.
     * Interrupted, it records what ended and keeps the thread's interrupt.
     */
    DeliveryRound deliverDue();
}
