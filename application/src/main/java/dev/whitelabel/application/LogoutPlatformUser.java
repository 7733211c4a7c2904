package dev.whitelabel.application;

import dev.whitelabel.domain.model.Actor;
import dev.whitelabel.domain.model.LogoutResult;
import dev.whitelabel.domain.model.LogoutTarget;
import dev.whitelabel.domain.model.User;
import dev.whitelabel.domain.port.in.LogoutPlatformUserUseCase;
import dev.whitelabel.domain.port.out.Transactions;
import java.time.Clock;
import java.util.Optional;

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
            int revoked = revocations.logOut(actor, user, target.scope(), Optional.empty(), clock.instant());
            return new LogoutResult(revoked);
        });
    }
}
