package dev.whitelabel.domain.model;

import dev.whitelabel.domain.model.AuditEvent.AuditAction;
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
        Optional<Long> keptTokenId,
        int revokedTokens,
        AuditActor actor,
        AuditAction reason,
        long auditEventId) {

    /**
     * The event of an audited revocation; empty when the action ends no token, or it was to end one
     * that had ended already. A logout of many tokens is told even when none was live.
     */
    public static Optional<WebhookEvent> of(RecordedAuditEvent recorded) {
        AuditEvent event = recorded.event();
        return WebhookEventType.announcing(event.action())
                .filter(type -> type != WebhookEventType.TOKEN_REVOKED || event.tokenCount() > 0)
                .map(type -> {
                    // the token an event of many tokens names is the one it kept
                    boolean keepsOne = type == WebhookEventType.USER_LOGGED_OUT;
                    return new WebhookEvent(
                            type,
                            event.at(),
                            event.platformId(),
                            event.targetUserId().orElseThrow(),
                            keepsOne ? Optional.empty() : event.tokenId(),
                            keepsOne ? event.tokenId() : Optional.empty(),
                            event.tokenCount(),
                            event.actor(),
                            event.action(),
                            recorded.id());
                });
    }

    /** The Standard Webhooks body: {@code {"type":..,"timestamp":..,"data":{..}}}. */
    public String body() {
        String scope = type == WebhookEventType.TOKEN_REVOKED ? "one" : keptTokenId.isPresent() ? "others" : "all";
        return "{\"type\":\"" + type.wireName() + "\",\"timestamp\":\"" + timestamp + "\",\"data\":{"
                + "\"platform_id\":" + platformId
                + ",\"user_id\":" + userId
                + ",\"token_id\":" + tokenId.map(String::valueOf).orElse("null")
                + ",\"scope\":\"" + scope + "\""
                + keptTokenId.map(kept -> ",\"kept_token_id\":" + kept).orElse("")
                + ",\"revoked_tokens\":" + revokedTokens
                + ",\"reason\":\"" + reason.name().toLowerCase(Locale.ROOT) + "\""
                + ",\"actor\":{\"type\":\"" + actor.kind().name().toLowerCase(Locale.ROOT) + "\",\"id\":"
                + actor.id().map(String::valueOf).orElse("null") + "}"
                + ",\"audit_event_id\":" + auditEventId + "}}";
    }
}
