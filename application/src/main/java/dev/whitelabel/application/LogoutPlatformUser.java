package dev.whitelabel.application;

import dev.whitelabel.domain.error.TokenNotFound;
import dev.whitelabel.domain.error.UserNotFound;
import dev.whitelabel.domain.model.Actor;
import dev.whitelabel.domain.model.AuditEvent;
import dev.whitelabel.domain.model.AuditEvent.AuditAction;
import dev.whitelabel.domain.model.LogoutResult;
import dev.whitelabel.domain.model.LogoutTarget;
import dev.whitelabel.domain.model.TokenRevocation;
import dev.whitelabel.domain.model.User;
import dev.whitelabel.domain.port.in.LogoutPlatformUserUseCase;
import dev.whitelabel.domain.port.out.AuditLog;
import dev.whitelabel.domain.port.out.TokenStore;
import dev.whitelabel.domain.port.out.Transactions;
import dev.whitelabel.domain.port.out.UserDirectory;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

public final class LogoutPlatformUser implements LogoutPlatformUserUseCase {

    private final UserDirectory users;
    private final TokenStore tokens;
    private final AuditLog auditLog;
    private final Transactions transactions;
    private final Clock clock;

    public LogoutPlatformUser(
            UserDirectory users, TokenStore tokens, AuditLog auditLog, Transactions transactions, Clock clock) {
        this.users = users;
        this.tokens = tokens;
        this.auditLog = auditLog;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public LogoutResult logout(Actor actor, LogoutTarget target) {
        return transactions.inTransaction(() -> {
            User user = platformUser(actor.platformId(), target);
            Instant now = clock.instant();
            int revoked = target.tokenId()
                    .map(tokenId -> revokeOne(user, tokenId, now))
                    .orElseGet(() -> tokens.revokeAll(user.platformId(), user.id(), now));
            auditLog.record(new AuditEvent(
                    now,
                    user.platformId(),
                    actor.userId(),
                    user.id(),
                    target.tokenId().isPresent() ? AuditAction.LOGOUT_TOKEN : AuditAction.LOGOUT_ALL,
                    target.tokenId(),
                    revoked));
            return new LogoutResult(revoked);
        });
    }

    /** Admins and other platforms' users get the same answer as nobody at all. */
    private User platformUser(long platformId, LogoutTarget target) {
        Optional<User> user = target.userId().isPresent()
                ? users.findOnPlatform(platformId, target.userId().get())
                        .filter(found -> target.email().map(email -> email.sameAs(found.email())).orElse(true))
                : users.findOnPlatform(platformId, target.email().orElseThrow());
        return user.filter(User::isPlatformUser).orElseThrow(UserNotFound::new);
    }

    private int revokeOne(User user, long tokenId, Instant now) {
        TokenRevocation outcome = tokens.revoke(user.platformId(), user.id(), tokenId, now);
        return switch (outcome) {
            case REVOKED -> 1;
            case NOT_LIVE -> 0;
            case NOT_FOUND -> throw new TokenNotFound();
        };
    }
}
