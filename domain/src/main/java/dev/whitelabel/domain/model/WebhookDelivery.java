package dev.whitelabel.domain.model;

import java.time.Instant;
import java.util.Optional;

/**
 * One event on its way to one endpoint: how many attempts it took, the last answer (an HTTP
 * status, or why there was none), when it is tried next, and whether it arrived or was given up.
 */
public record WebhookDelivery(
        long id,
        long endpointId,
        String messageId,
        WebhookEventType type,
        Instant occurredAt,
        int attempts,
        Optional<Integer> lastStatus,
        Optional<String> lastError,
        Optional<Instant> nextAttemptAt,
        Optional<Instant> deliveredAt,
        Optional<Instant> failedAt) {}
