package dev.whitelabel.domain.model;

import java.time.Instant;
import java.util.Set;

/** Where one platform's revocation events are sent, and which of them. */
public record WebhookEndpoint(long id, long platformId, String url, Set<WebhookEventType> events, Instant createdAt) {}
