package dev.whitelabel.application;

import dev.whitelabel.domain.model.DeliveryLimits;
import dev.whitelabel.domain.model.DeliveryRound;
import dev.whitelabel.domain.port.in.DeliverWebhooksUseCase;
import dev.whitelabel.domain.port.out.DeliveryClaim;
import dev.whitelabel.domain.port.out.DueDelivery;
import dev.whitelabel.domain.port.out.Transactions;
import dev.whitelabel.domain.port.out.WebhookSender;
import dev.whitelabel.domain.port.out.WebhookStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends what is due, signed as Standard Webhooks prescribes, and decides what comes of each answer:
 * a 2xx is delivered; anything else is tried again after a growing, jittered wait, about a day in
 * all, then given up. Delivery is at least once: a sender that dies after the receiver answered but
 * before the answer was recorded sends again once its claim lapses.
 *
 * <p>Each endpoint has a lane on this instance: at most {@link DeliveryLimits#perEndpoint} of its
 * attempts run at once, the rest of what was claimed for it waits its turn, and a claim skips every
 * endpoint whose lane holds its share. A receiver that answers slowly, or never, so holds its own
 * share and no one else's. An attempt that ends starts the next one waiting in its lane at once, on
 * the thread that saw it end, so that sending never waits for the database; the dispatcher's steps
 * record what ended and claim more, as many at a time as arrived meanwhile. A delivery that could no
 * longer end before its claim lapses is not started but left for the next claim, so a claim is never
 * taken over while its attempt runs. Deliveries this instance's use cases wrote already claimed for it
 * (while it has room) are taken as they are handed over, without a claim. One thread steps at a time.
 */
final class DeliverWebhooks implements DeliverWebhooksUseCase {

    /**
     * The most one claim takes: a commit costs about as much for 256 deliveries as for one, and while
     * logouts keep the database busy each commit must carry many for delivery to keep up.
     */
    static final int CLAIM_SIZE = 256;

    /** One endpoint's attempts running on this instance, and its claimed deliveries waiting their turn. */
    private static final class Lane {
        int running;
        /** Attempts that ended since the last claim: how many it is likely to get through by the next one. */
        int endedSinceClaim;

        /** Starting its waiting deliveries: an attempt that ends at once, within that, starts none itself. */
        boolean starting;

        final ArrayDeque<DueDelivery> waiting = new ArrayDeque<>();

        int holding() {
            return running + waiting.size();
        }
    }

    private record Sent(DueDelivery delivery, WebhookSender.Outcome outcome) {}

    private final WebhookStore store;
    private final WebhookSender sender;
    private final FailingEndpoints failingEndpoints;
    private final Transactions transactions;
    private final Clock clock;
    private final DeliveryActivity activity;
    private final DeliveryLimits limits;
    /** Guarded by itself: steps and the threads that see attempts end both change lanes. */
    private final Map<Long, Lane> lanes = new HashMap<>();

    private final Queue<Sent> ended = new ConcurrentLinkedQueue<>();
    private final AtomicInteger held = new AtomicInteger();

    DeliverWebhooks(
            WebhookStore store,
            WebhookSender sender,
            FailingEndpoints failingEndpoints,
            Transactions transactions,
            Clock clock,
            DeliveryActivity activity,
            DeliveryLimits limits) {
        this.store = store;
        this.sender = sender;
        this.failingEndpoints = failingEndpoints;
        this.transactions = transactions;
        this.clock = clock;
        this.activity = activity;
        this.limits = limits;
    }

    @Override
    public synchronized DeliveryRound step() {
        List<Sent> sent = takeEnded();
        List<Long> handedOver = activity.takeHandedOver();
        int room = Math.min(CLAIM_SIZE, limits.inFlight() - held.get() - handedOver.size());
        if (sent.isEmpty() && handedOver.isEmpty() && room <= 0) {
            activity.taking(null);
            return DeliveryRound.NOTHING;
        }
        Instant now = clock.instant();
        Map<Long, Integer> shares = shares();
        // the outcomes that arrived, what was handed over and the next claim in one commit
        var stepped = transactions.inTransaction(() -> new Stepped(
                sent.isEmpty() ? DeliveryRound.NOTHING : record(sent, now),
                handedOver.isEmpty() ? List.of() : store.claimedAtWrite(handedOver, now),
                room <= 0
                        ? List.of()
                        : store.claimDue(new DeliveryClaim(
                                now, now.plus(limits.lease()), room, limits.claimedPerEndpoint(), shares))));
        List<DueDelivery> claimed = new ArrayList<>(stepped.handedOver());
        claimed.addAll(stepped.claimed());
        held.addAndGet(claimed.size());
        activity.taking(held.get() < limits.inFlight() ? limits.lease() : null);
        int started = queue(claimed);
        return stepped.recorded()
                .plus(new DeliveryRound(
                        0, 0, 0, started, room > 0 && stepped.claimed().size() == room, 0));
    }

    private record Stepped(DeliveryRound recorded, List<DueDelivery> handedOver, List<DueDelivery> claimed) {}

    @Override
    public boolean awaitActivity(Duration timeout) throws InterruptedException {
        return activity.await(timeout);
    }

    @Override
    public synchronized DeliveryRound finish(Duration within) {
        // what is handed over from now on waits for its claim to lapse, as if this instance had died
        activity.taking(null);
        synchronized (lanes) {
            for (Lane lane : lanes.values()) {
                held.addAndGet(-lane.waiting.size());
                lane.waiting.clear();
            }
        }
        return awaitRunning(within);
    }

    @Override
    public int held() {
        return held.get();
    }

    @Override
    public synchronized DeliveryRound deliverDue() {
        DeliveryRound round = step();
        // every delivery claimed gets its turn, each lane's after the one before it
        return round.plus(awaitRunning(deadlineWithMargin().multipliedBy(limits.claimedPerEndpoint())));
    }

    private Duration deadlineWithMargin() {
        return limits.attemptDeadline().plusSeconds(1);
    }

    /** Records what ends within {@code within}, until nothing is held. */
    private DeliveryRound awaitRunning(Duration within) {
        long until = System.nanoTime() + within.toNanos();
        DeliveryRound round = DeliveryRound.NOTHING;
        while (held.get() > 0 && System.nanoTime() < until) {
            try {
                activity.await(Duration.ofNanos(
                        Math.min(until - System.nanoTime(), deadlineWithMargin().toNanos())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            round = round.plus(recordEnded());
        }
        return round.plus(recordEnded());
    }

    /**
     * What each endpoint with a lane may be claimed: what keeps its attempts going until the claim after
     * this one, twice as many as ended since the last, within its limits, less what the lane holds. A
     * slow endpoint's lane so holds its attempts and one more round at most; a quick one's, enough not
     * to run dry.
     */
    private Map<Long, Integer> shares() {
        Map<Long, Integer> shares = new HashMap<>();
        synchronized (lanes) {
            for (var entries = lanes.entrySet().iterator(); entries.hasNext(); ) {
                var entry = entries.next();
                Lane lane = entry.getValue();
                int wanted = Math.max(
                        limits.claimedPerEndpoint(), Math.min(limits.mostHeldPerEndpoint(), 2 * lane.endedSinceClaim));
                shares.put(entry.getKey(), Math.max(0, wanted - lane.holding()));
                lane.endedSinceClaim = 0;
                if (lane.holding() == 0) {
                    // what it got through is in its share; a lane is kept only while it holds some
                    entries.remove();
                }
            }
        }
        return shares;
    }

    /** Puts what was claimed in its endpoints' lanes and starts what has room; answers how many started. */
    private int queue(List<DueDelivery> claimed) {
        synchronized (lanes) {
            Set<Long> endpoints = new HashSet<>();
            for (DueDelivery delivery : claimed) {
                lanes.computeIfAbsent(delivery.endpointId(), id -> new Lane())
                        .waiting
                        .add(delivery);
                endpoints.add(delivery.endpointId());
            }
            int started = 0;
            for (long endpointId : endpoints) {
                started += startWaiting(endpointId, lanes.get(endpointId));
            }
            return started;
        }
    }

    /** Starts the lane's waiting deliveries while it has room, with the lanes' lock held; answers how many. */
    private int startWaiting(long endpointId, Lane lane) {
        if (lane.starting) {
            return 0;
        }
        lane.starting = true;
        int started = 0;
        try {
            Instant now = clock.instant();
            while (lane.running < limits.perEndpoint() && !lane.waiting.isEmpty()) {
                DueDelivery delivery = lane.waiting.poll();
                if (!limits.startsInTime(now, delivery.leaseUntil())) {
                    // left to the next claim, once this one lapses
                    held.decrementAndGet();
                    continue;
                }
                lane.running++;
                started++;
                sender.send(delivery).thenAccept(outcome -> ended(endpointId, lane, new Sent(delivery, outcome)));
            }
        } finally {
            lane.starting = false;
        }
        if (lane.holding() == 0 && lane.endedSinceClaim == 0) {
            lanes.remove(endpointId, lane);
        }
        return started;
    }

    /** On the thread that saw the attempt end: its lane's next starts, and the dispatcher hears of it. */
    private void ended(long endpointId, Lane lane, Sent sent) {
        ended.add(sent);
        synchronized (lanes) {
            lane.running--;
            lane.endedSinceClaim++;
            startWaiting(endpointId, lane);
        }
        activity.signal();
    }

    /**
     * Records every outcome that arrived in one transaction: on a database that writes each commit to
     * disk, a commit a delivery would halve the logouts it can take.
     */
    private DeliveryRound recordEnded() {
        List<Sent> sent = takeEnded();
        if (sent.isEmpty()) {
            return DeliveryRound.NOTHING;
        }
        Instant now = clock.instant();
        return transactions.inTransaction(() -> record(sent, now));
    }

    /** The attempts that ended since last asked. */
    private List<Sent> takeEnded() {
        List<Sent> sent = new ArrayList<>();
        for (Sent one = ended.poll(); one != null; one = ended.poll()) {
            sent.add(one);
        }
        held.addAndGet(-sent.size());
        return sent;
    }

    private DeliveryRound record(List<Sent> sent, Instant now) {
        Map<Integer, List<Long>> deliveredByStatus = new TreeMap<>();
        Set<Long> answeredEndpoints = new HashSet<>();
        Set<Long> failedEndpoints = new HashSet<>();
        boolean failingAnswered = false;
        int retrying = 0;
        int failed = 0;
        for (Sent attempt : sent) {
            if (attempt.outcome().delivered()) {
                deliveredByStatus
                        .computeIfAbsent(attempt.outcome().status().orElseThrow(), status -> new ArrayList<>())
                        .add(attempt.delivery().id());
                answeredEndpoints.add(attempt.delivery().endpointId());
                failingAnswered |= attempt.delivery().endpointFailing();
                continue;
            }
            failedEndpoints.add(attempt.delivery().endpointId());
            int failures = attempt.delivery().attempts() + 1;
            Optional<Instant> next = RetrySchedule.after(failures, now);
            store.attemptFailed(
                    attempt.delivery().id(),
                    attempt.outcome().status(),
                    attempt.outcome().error(),
                    next,
                    now);
            if (next.isPresent()) {
                retrying++;
            } else {
                failed++;
            }
        }
        deliveredByStatus.forEach((status, ids) -> store.delivered(ids, status, now));
        int disabled = failedEndpoints.isEmpty() && !failingAnswered
                ? 0
                : failingEndpoints.judge(answeredEndpoints, failedEndpoints, now);
        return new DeliveryRound(sent.size() - retrying - failed, retrying, failed, 0, false, disabled);
    }
}
