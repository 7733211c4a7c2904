package dev.whitelabel.application;

import dev.whitelabel.domain.model.Actor;
import dev.whitelabel.domain.model.AuthenticatedUser;
import dev.whitelabel.domain.model.Page;
import dev.whitelabel.domain.model.PageRequest;
import dev.whitelabel.domain.model.TokenSummary;
import dev.whitelabel.domain.port.in.ListUserTokensUseCase;
import dev.whitelabel.domain.port.out.TokenStore;

final class ListUserTokens implements ListUserTokensUseCase {

    private final PlatformUsers platformUsers;
    private final TokenStore tokens;

    ListUserTokens(PlatformUsers platformUsers, TokenStore tokens) {
        this.platformUsers = platformUsers;
        this.tokens = tokens;
    }

    @Override
    public Page<TokenSummary> list(Actor actor, long userId, PageRequest page) {
        var user = platformUsers.find(actor.platformId(), userId);
        return tokens.list(user.platformId(), user.id(), page);
    }

    @Override
    public Page<TokenSummary> listOwn(AuthenticatedUser caller, PageRequest page) {
        var user = caller.user();
        return tokens.list(user.platformId(), user.id(), page);
    }
}
