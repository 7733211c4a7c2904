package dev.whitelabel.application;

import dev.whitelabel.domain.model.Actor;
import dev.whitelabel.domain.model.AuditEvent.AuditAction;
import dev.whitelabel.domain.model.AuditEvent;
import dev.whitelabel.domain.model.TokenRevocation;
import dev.whitelabel.domain.model.User;
import dev.whitelabel.domain.port.out.AuditLog;
import dev.whitelabel.domain.port.out.TokenStore;
import java.time.Instant;
import java.util.Optional;

/** Revokes a user's tokens and records each revocation in the audit trail; the caller owns the transaction. */
final class Revocations {

    private final TokenStore tokens;
    private final AuditLog auditLog;

    Revocations(TokenStore tokens, AuditLog auditLog) {
        this.tokens = tokens;
        this.auditLog = auditLog;
    }

    /** Every live token of the user; answers how many there were. */
    int revokeAll(Actor actor, User user, Instant now) {
        int revoked = tokens.revokeAll(user.platformId(), user.id(), now);
        record(actor, user, AuditAction.LOGOUT_ALL, Optional.empty(), revoked, now);
        return revoked;
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

    private void record(Actor actor, User user, AuditAction action, Optional<Long> tokenId, int count, Instant now) {
        auditLog.record(AuditEvent.ofTokens(now, actor, user, action, tokenId, count));
    }
}
