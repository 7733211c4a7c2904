package dev.whitelabel.bootstrap;

import dev.whitelabel.adapters.http.webhooks.HttpWebhookSender;
import dev.whitelabel.domain.model.DeliveryRound;
import dev.whitelabel.domain.port.in.DeliverWebhooksUseCase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The instance's share of webhook delivery: a few workers, each claiming what is due every
 * {@link #POLL} and sending it, so that a slow receiver holds up one worker, not the others. A
 * worker claims again at once only after a full claim: under a stream of logouts, claims then come
 * full rather than a few rows each, and the database commits a claim and its outcomes for many
 * deliveries, not for one. Every instance runs one; their claims never overlap. Closing stops new
 * claims, lets sends in flight finish, then closes the sender.
 */
final class WebhookDispatcher implements AutoCloseable {

    static final Duration POLL = Duration.ofMillis(200);
    static final int WORKERS = 4;
    private static final Duration QUIET = Duration.ofMinutes(1);
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final DeliverWebhooksUseCase deliver;
    private final Runnable closeSender;
    private final Counter delivered;
    private final Counter retrying;
    private final Counter failed;
    private final Counter disabled;
    private final AtomicReference<Instant> lastWarned = new AtomicReference<>(Instant.EPOCH);
    private final ScheduledExecutorService workers;

    /** {@code closeSender} closes the sender {@code deliver} sends with, once no send is in flight any more. */
    WebhookDispatcher(DeliverWebhooksUseCase deliver, Runnable closeSender, MeterRegistry metrics) {
        this.deliver = deliver;
        this.closeSender = closeSender;
        this.delivered = attempts(metrics, "delivered");
        this.retrying = attempts(metrics, "retrying");
        this.failed = attempts(metrics, "failed");
        this.disabled = Counter.builder("whitelabel.webhook.endpoints.disabled")
                .description(
                        "Webhook endpoints disabled for failing every attempt for WHITELABEL_WEBHOOK_DISABLE_AFTER")
                .register(metrics);
        var number = new AtomicInteger();
        this.workers = Executors.newScheduledThreadPool(WORKERS, task -> {
            var thread = new Thread(task, "webhook-dispatcher-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        // staggered, so that between them the workers look every POLL / WORKERS, not all at once every POLL
        for (int i = 0; i < WORKERS; i++) {
            workers.scheduleWithFixedDelay(
                    this::drain, i * POLL.toMillis() / WORKERS, POLL.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private static Counter attempts(MeterRegistry metrics, String outcome) {
        return Counter.builder("whitelabel.webhook.attempts")
                .tag("outcome", outcome)
                .description("Webhook delivery attempts: delivered, to be tried again, or given up (failed)")
                .register(metrics);
    }

    private void drain() {
        try {
            DeliveryRound round;
            do {
                round = deliver.deliverDue();
                delivered.increment(round.delivered());
                retrying.increment(round.retrying());
                failed.increment(round.failed());
                disabled.increment(round.endpointsDisabled());
            } while (round.claimFull() && !workers.isShutdown());
        } catch (RuntimeException e) {
            // the database away, most likely: the next poll tries again; one line a minute says so
            Instant now = Instant.now();
            Instant last = lastWarned.get();
            if (now.isAfter(last.plus(QUIET)) && lastWarned.compareAndSet(last, now)) {
                LOG.warn("Webhook delivery paused: {}", e.getClass().getName());
            }
        }
    }

    @Override
    public void close() {
        workers.shutdown();
        try {
            // a send in flight ends within its timeout; nothing new is claimed meanwhile
            workers.awaitTermination(HttpWebhookSender.TIMEOUT.multipliedBy(2).toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        closeSender.run();
    }
}
