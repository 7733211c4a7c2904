package dev.whitelabel.application;

import dev.whitelabel.domain.error.UserNotFound;
import dev.whitelabel.domain.model.Actor;
import dev.whitelabel.domain.model.IssuedToken;
import dev.whitelabel.domain.port.in.IssueTokenUseCase;
import dev.whitelabel.domain.port.out.Transactions;
import dev.whitelabel.domain.port.out.UserDirectory;

public final class IssueToken implements IssueTokenUseCase {

    private final UserDirectory users;
    private final TokenIssuer tokenIssuer;
    private final Transactions transactions;

    IssueToken(UserDirectory users, TokenIssuer tokenIssuer, Transactions transactions) {
        this.users = users;
        this.tokenIssuer = tokenIssuer;
        this.transactions = transactions;
    }

    @Override
    public IssuedToken issue(long userId, String tokenName) {
        return transactions.inTransaction(() -> {
            var user = users.findAnywhere(userId).orElseThrow(UserNotFound::new);
            return tokenIssuer.issue(Actor.operator(user.platformId()), user, tokenName);
        });
    }
}
