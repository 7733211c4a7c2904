package dev.whitelabel.application;

import dev.whitelabel.domain.model.DeliveryRound;
import dev.whitelabel.domain.port.in.DeliverWebhooksUseCase;
import dev.whitelabel.domain.port.out.DueDelivery;
import dev.whitelabel.domain.port.out.WebhookSender;
import dev.whitelabel.domain.port.out.WebhookStore;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Sends what is due, signed as Standard Webhooks prescribes, and decides what comes of each answer:
 * a 2xx is delivered; anything else is tried again after a growing, jittered wait, about a day in
 * all, then given up. Delivery is at least once: a sender that dies after the receiver answered but
 * before the answer was recorded sends again once its claim lapses.
 */
public final class DeliverWebhooks implements DeliverWebhooksUseCase {

    /** The waits after the 1st, 2nd, ... failed attempt; after the last, the delivery is given up (about 25 h in all). */
    static final List<Duration> BACKOFF = List.of(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(2),
            Duration.ofMinutes(10), Duration.ofMinutes(30), Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(4),
            Duration.ofHours(8), Duration.ofHours(8));
    /** How long a claim holds: well over the sender's timeout, so a live sender always finishes first. */
    static final Duration CLAIM = Duration.ofSeconds(15);
    /** Small, so that the dispatcher's workers share what is due. */
    static final int CLAIM_SIZE = 8;

    private final WebhookStore store;
    private final WebhookSender sender;
    private final WebhookTargets targets;
    private final Clock clock;

    DeliverWebhooks(WebhookStore store, WebhookSender sender, WebhookTargets targets, Clock clock) {
        this.store = store;
        this.sender = sender;
        this.targets = targets;
        this.clock = clock;
    }

    @Override
    public DeliveryRound deliverDue() {
        Instant now = clock.instant();
        int delivered = 0;
        int retrying = 0;
        int failed = 0;
        for (DueDelivery delivery : store.claimDue(now, now.plus(CLAIM), CLAIM_SIZE)) {
            switch (attempt(delivery)) {
                case DELIVERED -> delivered++;
                case RETRYING -> retrying++;
                case FAILED -> failed++;
            }
        }
        return new DeliveryRound(delivered, retrying, failed);
    }

    private enum Result { DELIVERED, RETRYING, FAILED }

    private Result attempt(DueDelivery delivery) {
        Optional<String> refused = targets.refusalNow(delivery.url());
        WebhookSender.Outcome outcome = refused.isPresent()
                ? new WebhookSender.Outcome(Optional.empty(), Optional.of("target refused: " + refused.get()))
                : sender.send(delivery.url(), headers(delivery), delivery.body());
        Instant now = clock.instant();
        if (outcome.delivered()) {
            store.delivered(delivery.id(), outcome.status().orElseThrow(), now);
            return Result.DELIVERED;
        }
        int failures = delivery.attempts() + 1;
        Optional<Instant> next = failures > BACKOFF.size()
                ? Optional.empty() : Optional.of(now.plus(jittered(BACKOFF.get(failures - 1))));
        store.attemptFailed(delivery.id(), outcome.status(), outcome.error(), next, now);
        return next.isPresent() ? Result.RETRYING : Result.FAILED;
    }

    /** Up to a fifth either way, so that the retries of many deliveries do not arrive together. */
    private static Duration jittered(Duration wait) {
        long millis = wait.toMillis();
        return Duration.ofMillis(millis + ThreadLocalRandom.current().nextLong(-millis / 5, millis / 5 + 1));
    }

    /** {@code webhook-id}, {@code webhook-timestamp} (Unix seconds) and {@code webhook-signature: v1,<base64 HMAC-SHA256>}. */
    Map<String, String> headers(DueDelivery delivery) {
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        return Map.of(
                "webhook-id", delivery.messageId(),
                "webhook-timestamp", timestamp,
                "webhook-signature", "v1," + sign(delivery.secret(), delivery.messageId() + "." + timestamp + "." + delivery.body()),
                "Content-Type", "application/json");
    }

    static String sign(String secret, String content) {
        byte[] key = Base64.getDecoder().decode(secret.substring(ManageWebhooks.SECRET_PREFIX.length()));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }
}
