package dev.whitelabel.bootstrap;

import dev.whitelabel.domain.model.DeliveryRound;
import dev.whitelabel.domain.port.in.DeliverWebhooksUseCase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The instance's share of webhook delivery: one thread stepping the delivery use case, which never
 * waits for a receiver. It steps again at once while there is work; when a step did nothing it waits
 * for an attempt to end or an event to be written on this instance, or else for a poll that backs
 * off from {@link #SOONEST} to {@link #LATEST} while nothing comes (other instances' events are found
 * by polling). Closing stops new claims, waits for the attempts in flight up to {@code deadline},
 * leaves the rest for their claims to lapse, and only then closes the sender and its pool.
 */
final class WebhookDispatcher implements AutoCloseable {

    static final Duration SOONEST = Duration.ofMillis(20);
    static final Duration LATEST = Duration.ofMillis(500);
    private static final Duration GATHER = Duration.ofMillis(5);
    private static final Duration QUIET = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final DeliverWebhooksUseCase deliver;
    private final Duration deadline;
    private final Runnable closeParts;
    private final Counter delivered;
    private final Counter retrying;
    private final Counter failed;
    private final Counter disabled;
    private final Thread thread;
    private volatile boolean stopping;
    private Instant lastWarned = Instant.EPOCH;

    /**
     * {@code deadline} is the attempts' own; {@code closeParts} closes what {@code deliver}
     * sends and records with, once no send is in flight any more.
     */
    WebhookDispatcher(DeliverWebhooksUseCase deliver, Duration deadline, Runnable closeParts, MeterRegistry metrics) {
        this.deliver = deliver;
        this.deadline = deadline;
        this.closeParts = closeParts;
        this.delivered = attempts(metrics, "delivered");
        this.retrying = attempts(metrics, "retrying");
        this.failed = attempts(metrics, "failed");
        this.disabled = Counter.builder("whitelabel.webhook.endpoints.disabled")
                .description(
                        "Webhook endpoints disabled for failing every attempt for WHITELABEL_WEBHOOK_DISABLE_AFTER")
                .register(metrics);
        Gauge.builder("whitelabel.webhook.held", deliver, DeliverWebhooksUseCase::held)
                .description("Webhook deliveries this instance holds: attempts running, and claimed ones waiting"
                        + " for their endpoint's turn")
                .register(metrics);
        this.thread = new Thread(this::run, "webhook-dispatcher");
        thread.setDaemon(true);
        thread.start();
    }

    private static Counter attempts(MeterRegistry metrics, String outcome) {
        return Counter.builder("whitelabel.webhook.attempts")
                .tag("outcome", outcome)
                .description("Webhook delivery attempts: delivered, to be tried again, or given up (failed)")
                .register(metrics);
    }

    private void run() {
        Duration poll = SOONEST;
        while (!stopping) {
            try {
                DeliveryRound round = deliver.step();
                count(round);
                if (!round.idle()) {
                    poll = SOONEST;
                    if (!round.claimFull()) {
                        // under load a step a logout would cost a commit a logout: what arrives
                        // meanwhile rides along with the next
                        Thread.sleep(GATHER.toMillis());
                    }
                } else if (deliver.awaitActivity(poll)) {
                    poll = SOONEST;
                } else {
                    poll = later(poll);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                warn(e);
                poll = LATEST;
                try {
                    Thread.sleep(poll.toMillis());
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    private static Duration later(Duration poll) {
        Duration doubled = poll.multipliedBy(2);
        return doubled.compareTo(LATEST) > 0 ? LATEST : doubled;
    }

    private void count(DeliveryRound round) {
        delivered.increment(round.delivered());
        retrying.increment(round.retrying());
        failed.increment(round.failed());
        disabled.increment(round.endpointsDisabled());
    }

    /** The database away, most likely: the loop tries again; one line a minute says so. */
    private void warn(RuntimeException e) {
        Instant now = Instant.now();
        if (now.isAfter(lastWarned.plus(QUIET))) {
            lastWarned = now;
            LOG.warn("Webhook delivery paused: {}", e.getClass().getName());
        }
    }

    @Override
    public void close() {
        stopping = true;
        try {
            // the loop ends after its step or its wait, whichever it is in
            thread.join(LATEST.plus(deadline).toMillis());
            count(deliver.finish(deadline));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            warn(e);
        } finally {
            closeParts.run();
        }
    }
}
