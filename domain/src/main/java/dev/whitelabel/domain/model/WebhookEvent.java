package dev.whitelabel.domain.model;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * A revocation as webhook receivers are told of it. It carries ids and counts only: no name, email,
 * token or secret, so its JSON is written here, whole, with nothing in it a user typed.
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
