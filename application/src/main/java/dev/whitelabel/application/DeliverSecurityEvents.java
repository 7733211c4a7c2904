package dev.whitelabel.application;

import dev.whitelabel.domain.model.DeliveryLimits;
import dev.whitelabel.domain.port.in.DeliverSecurityEventsUseCase;
import dev.whitelabel.domain.port.out.DuePush;
import dev.whitelabel.domain.port.out.EventStreamStore;
import dev.whitelabel.domain.port.out.SecurityEventPusher;
import dev.whitelabel.domain.port.out.SecurityEventPusher.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Pushes the due events of enabled pushed streams (RFC 8935), a batch at a time: each claimed under a
 * lease that outlives the attempt's deadline, signed with its platform's current key, sent at once
 * with the others, and recorded when all have answered or timed out. A receiver that accepted (202)
 * is done with the event; one that refused it (400) would refuse it again, so it is kept as failed; any
 * other answer is retried on the webhooks' schedule.
 */
final class DeliverSecurityEvents implements DeliverSecurityEventsUseCase {

    static final int BATCH = 64;

    private final EventStreamStore store;
    private final SigningKeys keys;
    private final SecurityEventPusher pusher;
    private final DeliveryLimits limits;
    private final DeliveryActivity activity;
    private final Clock clock;

    DeliverSecurityEvents(
            EventStreamStore store,
            SigningKeys keys,
            SecurityEventPusher pusher,
            DeliveryLimits limits,
            DeliveryActivity activity,
            Clock clock) {
        this.store = store;
        this.keys = keys;
        this.pusher = pusher;
        this.limits = limits;
        this.activity = activity;
        this.clock = clock;
    }

    @Override
    public synchronized int deliverDue() {
        Instant now = clock.instant();
        List<DuePush> claimed = store.claimDuePushes(now, now.plus(limits.lease()), BATCH);
        List<DuePush> due = new ArrayList<>(claimed.size());
        List<CompletableFuture<Outcome>> sent = new ArrayList<>(claimed.size());
        for (DuePush push : claimed) {
            // a step that stalled (signing, say) so long that another instance could claim the push
            // while it ran leaves it for that claim: never pushed twice at once
            String token = keys.sign(push.stream(), push.pending());
            if (limits.startsInTime(clock.instant(), push.leaseUntil())) {
                due.add(push);
                sent.add(pusher.push(push.stream().delivery(), token));
            }
        }
        List<Long> accepted = new ArrayList<>();
        for (int i = 0; i < due.size(); i++) {
            Outcome outcome = answer(sent.get(i));
            DuePush push = due.get(i);
            if (outcome.accepted()) {
                accepted.add(push.pending().id());
            } else {
                Instant ended = clock.instant();
                store.pushFailed(
                        push.pending().id(),
                        outcome.error().orElseThrow(),
                        outcome.retryable() ? RetrySchedule.after(push.attempts() + 1, ended) : Optional.empty(),
                        ended);
            }
        }
        if (!accepted.isEmpty()) {
            store.pushed(accepted);
        }
        return claimed.size();
    }

    @Override
    public boolean awaitActivity(Duration timeout) throws InterruptedException {
        return activity.await(timeout);
    }

    /** The pusher ends every attempt by its deadline; this bound only keeps a faulty one from holding the step. */
    private Outcome answer(CompletableFuture<Outcome> outcome) {
        try {
            return outcome.get(limits.attemptDeadline().toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return Outcome.failed("no answer", true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.failed("interrupted", true);
        }
    }
}
