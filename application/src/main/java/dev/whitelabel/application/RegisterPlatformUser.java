package dev.whitelabel.application;

import dev.whitelabel.domain.error.Input;
import dev.whitelabel.domain.error.InvalidInput;
import dev.whitelabel.domain.error.Violation.Rule;
import dev.whitelabel.domain.model.Actor;
import dev.whitelabel.domain.model.NewPlatformUser;
import dev.whitelabel.domain.model.NewToken;
import dev.whitelabel.domain.model.SignedIn;
import dev.whitelabel.domain.port.in.RegisterPlatformUserUseCase;
import dev.whitelabel.domain.port.out.Transactions;
import java.time.Clock;

final class RegisterPlatformUser implements RegisterPlatformUserUseCase {

    private final NewUsers newUsers;
    private final TokenIssuer tokenIssuer;
    private final Transactions transactions;
    private final Clock clock;

    RegisterPlatformUser(NewUsers newUsers, TokenIssuer tokenIssuer, Transactions transactions, Clock clock) {
        this.newUsers = newUsers;
        this.tokenIssuer = tokenIssuer;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public SignedIn register(Actor actor, NewPlatformUser request, NewToken firstToken) {
        if (request.password().isEmpty()) {
            throw InvalidInput.of(Input.PASSWORD, Rule.REQUIRED);
        }
        return transactions.inTransaction(() -> {
            var now = clock.instant();
            var user = newUsers.add(actor.platformId(), request, now);
            return new SignedIn(user, tokenIssuer.issue(actor, user, firstToken, now));
        });
    }
}
