package dev.whitelabel.domain.port.in;

import dev.whitelabel.domain.model.Actor;
import dev.whitelabel.domain.model.WebhookEventType;
import java.util.Set;

/** A webhook endpoint to create: its URL and the event types it takes ({@code events} empty: every type). */
public record CreateWebhookCommand(Actor actor, String url, Set<WebhookEventType> events) {}
