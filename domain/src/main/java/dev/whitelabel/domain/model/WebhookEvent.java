package dev.whitelabel.domain.model;

import dev.whitelabel.domain.model.AuditEvent.AuditAction;
import java.time.Instant;
import java.util.Optional;

/**
 * A revocation as webhook receivers are told of it: its audit event, read again when it is sent. It
 * carries ids and counts only: no name, email, token or secret; the sender writes it in the
 * receiver's format.
 */
public record WebhookEvent(
        WebhookEventType type,
        Instant timestamp,
        long platformId,
        long userId,
        LogoutScope scope,
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
                .map(type -> new WebhookEvent(
                        type,
                        event.at(),
                        event.platformId(),
                        event.targetUserId().orElseThrow(),
                        scope(type, event.tokenId()),
                        event.tokenCount(),
                        event.actor(),
                        event.action(),
                        recorded.id()));
    }

    /** The token an event of one token names is the one it ended; the token an event of many names, the one it kept. */
    private static LogoutScope scope(WebhookEventType type, Optional<Long> tokenId) {
        if (type == WebhookEventType.TOKEN_REVOKED) {
            return new LogoutScope.OneToken(
                    tokenId.orElseThrow(() -> new IllegalStateException("a token.revoked event names its token")));
        }
        return tokenId.<LogoutScope>map(LogoutScope.AllBut::new).orElse(LogoutScope.ALL);
    }
}
