package dev.whitelabel.domain.port.in;

import java.time.Duration;

/**
 * The pusher's step: claims the due events of pushed streams, signs and pushes them, and records what
 * became of each. Each running instance takes it in a loop.
 */
public interface DeliverSecurityEventsUseCase {
    /** Answers how many events it claimed. */
    int deliverDue();

    /** Waits until an event was written here, or {@code timeout} passed (false). */
    boolean awaitActivity(Duration timeout) throws InterruptedException;
}
