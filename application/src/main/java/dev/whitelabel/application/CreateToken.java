package dev.whitelabel.application;

import dev.whitelabel.domain.error.UserNotFound;
import dev.whitelabel.domain.model.Actor;
import dev.whitelabel.domain.model.IssuedToken;
import dev.whitelabel.domain.model.NewToken;
import dev.whitelabel.domain.model.SignedIn;
import dev.whitelabel.domain.model.UserReference;
import dev.whitelabel.domain.port.in.CreateTokenUseCase;
import dev.whitelabel.domain.port.out.Transactions;
import dev.whitelabel.domain.port.out.UserDirectory;
import java.time.Clock;

final class CreateToken implements CreateTokenUseCase {

    private final PlatformUsers platformUsers;
    private final UserDirectory users;
    private final TokenIssuer tokenIssuer;
    private final Transactions transactions;
    private final Clock clock;

    CreateToken(
            PlatformUsers platformUsers,
            UserDirectory users,
            TokenIssuer tokenIssuer,
            Transactions transactions,
            Clock clock) {
        this.platformUsers = platformUsers;
        this.users = users;
        this.tokenIssuer = tokenIssuer;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public SignedIn forPlatformUser(Actor actor, UserReference reference, NewToken token) {
        return transactions.inTransaction(() -> {
            var user = platformUsers.find(actor.platformId(), reference);
            return new SignedIn(user, tokenIssuer.issue(actor, user, token, clock.instant()));
        });
    }

    @Override
    public IssuedToken forAnyUser(long userId, NewToken token) {
        return transactions.inTransaction(() -> {
            var user = users.findAnywhere(userId).orElseThrow(UserNotFound::new);
            return tokenIssuer.issue(Actor.operator(user.platformId()), user, token, clock.instant());
        });
    }
}
