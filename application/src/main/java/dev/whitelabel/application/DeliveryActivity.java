package dev.whitelabel.application;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Wakes this instance's dispatcher when there is something for it: an attempt ended, or an event
 * written into the outbox here was committed. Signals while nobody waits are kept as one.
 *
 * <p>While the dispatcher has room it also takes deliveries written here already claimed for it, so
 * that under load the outbox row is written once and updated once (sent), rather than also locked and
 * leased by a claim in between.
 */
final class DeliveryActivity {

    private final Semaphore signals = new Semaphore(0);
    private final Queue<Long> handedOver = new ConcurrentLinkedQueue<>();
    /** How long the dispatcher's claims hold, while it takes deliveries handed over; null otherwise. */
    private volatile Duration taking;

    void signal() {
        if (signals.availablePermits() == 0) {
            signals.release();
        }
    }

    /** False when {@code timeout} passed first. */
    boolean await(Duration timeout) throws InterruptedException {
        boolean signalled = signals.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS);
        signals.drainPermits();
        return signalled;
    }

    /** Whether deliveries written at {@code now} are handed over: until when they are then claimed. */
    Optional<Instant> claimFrom(Instant now) {
        Duration lease = taking;
        return lease == null ? Optional.empty() : Optional.of(now.plus(lease));
    }

    /** After the commit that wrote them claimed: the dispatcher sends them. */
    void handOver(List<Long> deliveryIds) {
        handedOver.addAll(deliveryIds);
        signal();
    }

    /** The dispatcher takes what is handed over with claims of {@code lease}, or, given null, stops. */
    void taking(Duration lease) {
        taking = lease;
    }

    /** What was handed over since last asked. */
    List<Long> takeHandedOver() {
        List<Long> ids = new ArrayList<>();
        for (Long id = handedOver.poll(); id != null; id = handedOver.poll()) {
            ids.add(id);
        }
        return ids;
    }
}
