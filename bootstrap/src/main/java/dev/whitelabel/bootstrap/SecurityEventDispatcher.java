package dev.whitelabel.bootstrap;

import dev.whitelabel.domain.port.in.DeliverSecurityEventsUseCase;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The instance's share of pushing security events: one thread stepping the push use case, again at
 * once while it finds work, else waiting for an event written here or {@link #IDLE} (other instances'
 * events are found by polling). Closing lets the step in flight end within the attempts' deadline,
 * then closes the pusher and its pool; claims left unfinished lapse and are pushed later.
 */
final class SecurityEventDispatcher implements AutoCloseable {

    static final Duration IDLE = Duration.ofMillis(200);
    private static final Duration QUIET = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(SecurityEventDispatcher.class);

    private final DeliverSecurityEventsUseCase deliver;
    private final Duration deadline;
    private final Runnable closeParts;
    private final Thread thread;
    private volatile boolean stopping;
    private Instant lastWarned = Instant.EPOCH;

    SecurityEventDispatcher(DeliverSecurityEventsUseCase deliver, Duration deadline, Runnable closeParts) {
        this.deliver = deliver;
        this.deadline = deadline;
        this.closeParts = closeParts;
        this.thread = new Thread(this::run, "ssf-pusher");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        while (!stopping) {
            try {
                if (deliver.deliverDue() == 0) {
                    deliver.awaitActivity(IDLE);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                warn(e);
                try {
                    Thread.sleep(IDLE.multipliedBy(5).toMillis());
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    /** The database away, most likely: the loop tries again; one line a minute says so. */
    private void warn(RuntimeException e) {
        Instant now = Instant.now();
        if (now.isAfter(lastWarned.plus(QUIET))) {
            lastWarned = now;
            LOG.warn("Security event push paused: {}", e.getClass().getName());
        }
    }

    @Override
    public void close() {
        stopping = true;
        try {
            thread.join(IDLE.plus(deadline).plusSeconds(1).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            thread.interrupt();
            closeParts.run();
        }
    }
}
