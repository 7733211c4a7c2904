package dev.whitelabel.application;

import dev.whitelabel.domain.model.DeliveryRound;
import dev.whitelabel.domain.model.WebhookSigning;
import dev.whitelabel.domain.port.in.DeliverWebhooksUseCase;
import dev.whitelabel.domain.port.out.DueDelivery;
import dev.whitelabel.domain.port.out.Transactions;
import dev.whitelabel.domain.port.out.WebhookSender;
import dev.whitelabel.domain.port.out.WebhookStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Sends what is due, signed as Standard Webhooks prescribes, and decides what comes of each answer:
 * a 2xx is delivered; anything else is tried again after a growing, jittered wait, about a day in
 * all, then given up. Delivery is at least once: a sender that dies after the receiver answered but
 * before the answer was recorded sends again once its claim lapses. An endpoint that does nothing but
 * fail for long is disabled ({@link FailingEndpoints}).
 */
final class DeliverWebhooks implements DeliverWebhooksUseCase {

    /** The waits after the 1st, 2nd, ... failed attempt; after the last, the delivery is given up (about 25 h in all). */
    static final List<Duration> BACKOFF = List.of(
            Duration.ofSeconds(5),
            Duration.ofSeconds(30),
            Duration.ofMinutes(2),
            Duration.ofMinutes(10),
            Duration.ofMinutes(30),
            Duration.ofHours(1),
            Duration.ofHours(2),
            Duration.ofHours(4),
            Duration.ofHours(8),
            Duration.ofHours(8));
    /** How long a claim holds: well over the sender's timeout, so a live sender always finishes first. */
    static final Duration CLAIM = Duration.ofSeconds(15);
    /**
     * A claim's size, and so the most sends in flight of one worker: large enough that a backlog costs
     * two commits in 32 deliveries, small enough that a receiver is not flooded.
     */
    static final int CLAIM_SIZE = 32;

    private final WebhookStore store;
    private final WebhookSender sender;
    private final FailingEndpoints failingEndpoints;
    private final Transactions transactions;
    private final Clock clock;

    DeliverWebhooks(
            WebhookStore store,
            WebhookSender sender,
            FailingEndpoints failingEndpoints,
            Transactions transactions,
            Clock clock) {
        this.store = store;
        this.sender = sender;
        this.failingEndpoints = failingEndpoints;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Sends what one claim took, all at once, then records every outcome in one transaction: on a
     * database that writes each commit to disk, a commit a delivery would halve the logouts it can take.
     */
    @Override
    public DeliveryRound deliverDue() {
        Instant claimedAt = clock.instant();
        List<DueDelivery> claimed = store.claimDue(claimedAt, claimedAt.plus(CLAIM), CLAIM_SIZE);
        if (claimed.isEmpty()) {
            return new DeliveryRound(0, 0, 0, false, 0);
        }
        List<CompletableFuture<Sent>> sending = claimed.stream()
                .map(delivery -> send(delivery).thenApply(outcome -> new Sent(delivery, outcome)))
                .toList();
        List<Sent> sent = sending.stream().map(CompletableFuture::join).toList();
        Instant now = clock.instant();
        return transactions.inTransaction(() -> record(sent, now, claimed.size() == CLAIM_SIZE));
    }

    private DeliveryRound record(List<Sent> sent, Instant now, boolean claimFull) {
        Map<Integer, List<Long>> deliveredByStatus = new TreeMap<>();
        List<Long> failedIds = new ArrayList<>();
        int retrying = 0;
        int failed = 0;
        for (Sent attempt : sent) {
            if (attempt.outcome().delivered()) {
                deliveredByStatus
                        .computeIfAbsent(attempt.outcome().status().orElseThrow(), status -> new ArrayList<>())
                        .add(attempt.delivery().id());
                continue;
            }
            failedIds.add(attempt.delivery().id());
            int failures = attempt.delivery().attempts() + 1;
            Optional<Instant> next = failures > BACKOFF.size()
                    ? Optional.empty()
                    : Optional.of(now.plus(jittered(BACKOFF.get(failures - 1))));
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
        List<Long> deliveredIds =
                deliveredByStatus.values().stream().flatMap(List::stream).toList();
        int disabled = failingEndpoints.judge(deliveredIds, failedIds, now);
        return new DeliveryRound(sent.size() - retrying - failed, retrying, failed, claimFull, disabled);
    }

    private record Sent(DueDelivery delivery, WebhookSender.Outcome outcome) {}

    private CompletableFuture<WebhookSender.Outcome> send(DueDelivery delivery) {
        String body = delivery.event().body();
        return sender.send(delivery.url(), headers(delivery, body), body);
    }

    /** Up to a fifth either way, so that the retries of many deliveries do not arrive together. */
    private static Duration jittered(Duration wait) {
        long millis = wait.toMillis();
        return Duration.ofMillis(millis + ThreadLocalRandom.current().nextLong(-millis / 5, millis / 5 + 1));
    }

    /** {@code webhook-id}, {@code webhook-timestamp} (Unix seconds) and {@code webhook-signature: v1,<base64 HMAC-SHA256>}. */
    Map<String, String> headers(DueDelivery delivery, String body) {
        String messageId =
                WebhookSigning.messageId(delivery.secret(), delivery.event().auditEventId());
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        return Map.of(
                "webhook-id",
                messageId,
                "webhook-timestamp",
                timestamp,
                "webhook-signature",
                "v1," + WebhookSigning.signature(delivery.secret(), messageId + "." + timestamp + "." + body),
                "Content-Type",
                "application/json");
    }
}
