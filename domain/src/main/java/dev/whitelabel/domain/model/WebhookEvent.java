package dev.whitelabel.domain.model;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * A revocation as webhook receivers are told of it: its audit event, read again when it is sent. It
 * carries ids and counts only: no name, email, token or secret, so its JSON is written here, whole,
 * with nothing in it a user typed.
 */
public record WebhookEvent(
        WebhookEventType type,
        Instant timestamp,
        long platformId,
        long userId,
        Optional<Long> tokenId,
        int revokedTokens,
        AuditActor actor,
        long auditEventId) {

    /** The event of an audited revocation; empty when the action ends no token, or none did. */
    public static Optional<WebhookEvent> of(RecordedAuditEvent recorded) {
        AuditEvent event = recorded.event();
        if (event.tokenCount() == 0 && event.tokenId().isPresent()) {
            return Optional.empty();
        }
        return WebhookEventType.announcing(event.action()).map(type -> new WebhookEvent(type, event.at(), event.platformId(),
                event.targetUserId().orElseThrow(), event.tokenId(), event.tokenCount(), event.actor(), recorded.id()));
    }

    /** The Standard Webhooks body: {@code {"type":..,"timestamp":..,"data":{..}}}. */
    public String body() {
        String scope = type == WebhookEventType.USER_LOGGED_OUT ? "all" : "one";
        return "{\"type\":\"" + type.wireName() + "\",\"timestamp\":\"" + timestamp + "\",\"data\":{"
                + "\"platform_id\":" + platformId
                + ",\"user_id\":" + userId
                + ",\"token_id\":" + tokenId.map(String::valueOf).orElse("null")
                + ",\"scope\":\"" + scope + "\""
                + ",\"revoked_tokens\":" + revokedTokens
                + ",\"actor\":{\"type\":\"" + actor.kind().name().toLowerCase(Locale.ROOT) + "\",\"id\":"
                + actor.id().map(String::valueOf).orElse("null") + "}"
                + ",\"audit_event_id\":" + auditEventId + "}}";
    }
}
