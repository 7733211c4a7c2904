package dev.whitelabel.application;

import dev.whitelabel.domain.model.Actor;
import dev.whitelabel.domain.model.AuditEvent.AuditAction;
import dev.whitelabel.domain.model.AuthenticatedUser;
import dev.whitelabel.domain.model.LogoutResult;
import dev.whitelabel.domain.model.LogoutScope;
import dev.whitelabel.domain.port.in.LogoutSelfUseCase;
import dev.whitelabel.domain.port.out.Transactions;
import java.time.Clock;

final class LogoutSelf implements LogoutSelfUseCase {

    private final Revocations revocations;
    private final Transactions transactions;
    private final Clock clock;

    LogoutSelf(Revocations revocations, Transactions transactions, Clock clock) {
        this.revocations = revocations;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public LogoutResult logout(AuthenticatedUser caller, LogoutScope scope) {
        var user = caller.user();
        var self = Actor.tokenOwner(user);
        return transactions.inTransaction(() -> {
            var now = clock.instant();
            // a concurrent logout may have taken the caller's token since it authenticated: then there
            // is nothing to keep (others) or to end (current), and that is not an error
            int revoked = switch (scope) {
                case ALL -> revocations.revokeAll(self, user, AuditAction.LOGOUT_ALL, now);
                case OTHERS ->
                    revocations
                            .revokeAllExcept(self, user, caller.tokenId(), AuditAction.LOGOUT_OTHERS, now)
                            .orElse(0);
                case CURRENT ->
                    revocations
                            .revokeOne(self, user, caller.tokenId(), AuditAction.LOGOUT_TOKEN, now)
                            .orElse(0);
            };
            return new LogoutResult(revoked);
        });
    }
}
