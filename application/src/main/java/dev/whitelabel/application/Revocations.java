package dev.whitelabel.application;

import dev.whitelabel.domain.error.TokenNotFound;
import dev.whitelabel.domain.model.Actor;
import dev.whitelabel.domain.model.AuditEvent;
import dev.whitelabel.domain.model.AuditEvent.AuditAction;
import dev.whitelabel.domain.model.LogoutScope;
import dev.whitelabel.domain.model.RecordedAuditEvent;
import dev.whitelabel.domain.model.TokenRevocation;
import dev.whitelabel.domain.model.User;
import dev.whitelabel.domain.port.out.AuditLog;
import dev.whitelabel.domain.port.out.TokenStore;
import java.time.Instant;
import java.util.Optional;

/**
 * Revokes a user's tokens, records each revocation in the audit trail and announces it to the
 * platform's webhooks and Shared Signals streams, all in the caller's transaction.
 */
final class Revocations {

    private final TokenStore tokens;
    private final AuditLog auditLog;
    private final Webhooks webhooks;
    private final SecurityEvents securityEvents;

    Revocations(TokenStore tokens, AuditLog auditLog, Webhooks webhooks, SecurityEvents securityEvents) {
        this.tokens = tokens;
        this.auditLog = auditLog;
        this.webhooks = webhooks;
        this.securityEvents = securityEvents;
    }

    /**
     * A logout of {@code scope}: what it ends, audited as a logout. A token named that is not the user's
     * is {@link TokenNotFound}, nothing revoked. The current token and the others are the caller's, when
     * the user logs themselves out: the caller's token may have been ended since it authenticated, by a
     * concurrent logout, and then there is nothing to end or to keep, which is not an error.
     */
    int logOut(Actor actor, User user, LogoutScope scope, Optional<Long> callersToken, Instant now) {
        return scope.match(new LogoutScope.Cases<>() {
            @Override
            public Integer allTokens() {
                return revokeAll(actor, user, AuditAction.LOGOUT_ALL, now);
            }

            @Override
            public Integer oneToken(long tokenId) {
                return revokeOne(actor, user, tokenId, AuditAction.LOGOUT_TOKEN, now)
                        .orElseThrow(TokenNotFound::new);
            }

            @Override
            public Integer allBut(long keptTokenId) {
                return revokeAllExcept(actor, user, keptTokenId, AuditAction.LOGOUT_OTHERS, now)
                        .orElseThrow(TokenNotFound::new);
            }

            @Override
            public Integer current() {
                return revokeOne(actor, user, callers(), AuditAction.LOGOUT_TOKEN, now)
                        .orElse(0);
            }

            @Override
            public Integer others() {
                return revokeAllExcept(actor, user, callers(), AuditAction.LOGOUT_OTHERS, now)
                        .orElse(0);
            }

            private long callers() {
                return callersToken.orElseThrow(() -> new IllegalArgumentException(
                        "only a user logging themselves out has a current token: name the token instead"));
            }
        });
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

    /** A change to the user's account that ends no token (enabling it), audited and announced. */
    void recordAccountChange(Actor actor, User user, AuditAction action, Instant now) {
        record(actor, user, action, Optional.empty(), 0, now);
    }

    /** Audited, then announced: the webhook event is the audit event, read again when it is sent. */
    private void record(Actor actor, User user, AuditAction action, Optional<Long> tokenId, int count, Instant now) {
        AuditEvent event = AuditEvent.ofTokens(now, actor, user, action, tokenId, count);
        var recorded = new RecordedAuditEvent(auditLog.record(event), event);
        webhooks.announce(recorded, now);
        securityEvents.announce(recorded, user, now);
    }
}
