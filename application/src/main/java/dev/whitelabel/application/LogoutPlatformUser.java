package dev.whitelabel.application;

import dev.whitelabel.domain.error.TokenNotFound;
import dev.whitelabel.domain.model.Actor;
import dev.whitelabel.domain.model.AuditEvent.AuditAction;
import dev.whitelabel.domain.model.LogoutResult;
import dev.whitelabel.domain.model.LogoutTarget;
import dev.whitelabel.domain.model.User;
import dev.whitelabel.domain.port.in.LogoutPlatformUserUseCase;
import dev.whitelabel.domain.port.out.Transactions;
import java.time.Clock;
import java.time.Instant;

final class LogoutPlatformUser implements LogoutPlatformUserUseCase {

    private final PlatformUsers platformUsers;
    private final Revocations revocations;
    private final Transactions transactions;
    private final Clock clock;

    LogoutPlatformUser(PlatformUsers platformUsers, Revocations revocations, Transactions transactions, Clock clock) {
        this.platformUsers = platformUsers;
        this.revocations = revocations;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public LogoutResult logout(Actor actor, LogoutTarget target) {
        return transactions.inTransaction(() -> {
            User user = platformUsers.find(actor.platformId(), target.user());
            Instant now = clock.instant();
            int revoked;
            if (target.tokenId().isPresent()) {
                revoked = revocations
                        .revokeOne(actor, user, target.tokenId().get(), AuditAction.LOGOUT_TOKEN, now)
                        .orElseThrow(TokenNotFound::new);
            } else if (target.exceptTokenId().isPresent()) {
                revoked = revocations
                        .revokeAllExcept(actor, user, target.exceptTokenId().get(), AuditAction.LOGOUT_OTHERS, now)
                        .orElseThrow(TokenNotFound::new);
            } else {
                revoked = revocations.revokeAll(actor, user, AuditAction.LOGOUT_ALL, now);
            }
            return new LogoutResult(revoked);
        });
    }
}
