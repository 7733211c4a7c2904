package dev.whitelabel.application;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Wakes this instance's dispatcher when there is something for it: an attempt ended, or an event
 * written into the outbox here was committed. Signals while nobody waits are kept as one.
 */
final class DeliveryActivity {

    private final Semaphore signals = new Semaphore(0);

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
}
