package dev.whitelabel.application;

import dev.whitelabel.domain.model.Actor;
import dev.whitelabel.domain.model.AuditEvent;
import dev.whitelabel.domain.model.AuditEvent.AuditAction;
import dev.whitelabel.domain.model.RecordedAuditEvent;
import dev.whitelabel.domain.model.TokenRevocation;
import dev.whitelabel.domain.model.User;
import dev.whitelabel.domain.port.out.AuditLog;
import dev.whitelabel.domain.port.out.TokenStore;
import java.time.Instant;
import java.util.Optional;

/**
 * Revokes a user's tokens, records each revocation in the audit trail and announces it to the
 * platform's webhooks, all in the caller's transaction.
 */
final class Revocations {

    private final TokenStore tokens;
    private final AuditLog auditLog;
    private final Webhooks webhooks;

    Revocations(TokenStore tokens, AuditLog auditLog, Webhooks webhooks) {
        this.tokens = tokens;
        this.auditLog = auditLog;
        this.webhooks = webhooks;
    }

    /** Every live token of the user, for the reason {@code action} says; answers how many there were. */
    int revokeAll(Actor actor, User user, AuditAction action, Instant now) {
        int revoked = tokens.revokeAll(user.platformId(), user.id(), now);
        record(actor, user, action, Optional.empty(), revoked, now);
        return revoked;
    }

    /**
     * Every live token of the user but the kept one, for the reason {@code action} says; empty, and
     * nothing written, when that token is not the user's.
     */
    Optional<Integer> revokeAllExcept(Actor actor, User user, long keptTokenId, AuditAction action, Instant now) {
        return tokens.revokeAllExcept(user.platformId(), user.id(), keptTokenId, now)
                .map(revoked -> {
                    record(actor, user, action, Optional.of(keptTokenId), revoked, now);
                    return revoked;
                });
    }

    /** One token of the user: 1 if it was live, 0 if it was revoked or expired, empty if it is not theirs. */
    Optional<Integer> revokeOne(Actor actor, User user, long tokenId, AuditAction action, Instant now) {
        TokenRevocation outcome = tokens.revoke(user.platformId(), user.id(), tokenId, now);
        if (outcome == TokenRevocation.NOT_FOUND) {
            return Optional.empty();
        }
        int revoked = outcome == TokenRevocation.REVOKED ? 1 : 0;
        record(actor, user, action, Optional.of(tokenId), revoked, now);
        return Optional.of(revoked);
    }

    /** Audited, then announced: the webhook event is the audit event, read again when it is sent. */
    private void record(Actor actor, User user, AuditAction action, Optional<Long> tokenId, int count, Instant now) {
        AuditEvent event = AuditEvent.ofTokens(now, actor, user, action, tokenId, count);
        webhooks.announce(new RecordedAuditEvent(auditLog.record(event), event), now);
    }
}
