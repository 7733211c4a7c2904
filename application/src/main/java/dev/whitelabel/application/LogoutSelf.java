package dev.whitelabel.application;

import dev.whitelabel.domain.model.Actor;
import dev.whitelabel.domain.model.AuthenticatedUser;
import dev.whitelabel.domain.model.LogoutResult;
import dev.whitelabel.domain.model.LogoutScope;
import dev.whitelabel.domain.port.in.LogoutSelfUseCase;
import dev.whitelabel.domain.port.out.Transactions;
import java.time.Clock;
import java.util.Optional;

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
        var self = Actor.tokenOwner(caller);
        return transactions.inTransaction(() -> new LogoutResult(
                revocations.logOut(self, user, scope, Optional.of(caller.tokenId()), clock.instant())));
    }
}
