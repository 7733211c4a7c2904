package dev.whitelabel.application;

import dev.whitelabel.domain.error.ApiKeyNotFound;
import dev.whitelabel.domain.error.Input;
import dev.whitelabel.domain.model.Abilities;
import dev.whitelabel.domain.model.Actor;
import dev.whitelabel.domain.model.ApiKey;
import dev.whitelabel.domain.model.AuditEvent.AuditAction;
import dev.whitelabel.domain.model.AuthenticatedUser;
import dev.whitelabel.domain.model.Device;
import dev.whitelabel.domain.model.DisplayName;
import dev.whitelabel.domain.model.NewToken;
import dev.whitelabel.domain.model.TokenSummary;
import dev.whitelabel.domain.port.in.CreateApiKeyUseCase;
import dev.whitelabel.domain.port.in.DeleteApiKeyUseCase;
import dev.whitelabel.domain.port.in.ListApiKeysUseCase;
import dev.whitelabel.domain.port.out.TokenStore;
import dev.whitelabel.domain.port.out.Transactions;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

final class ManageApiKeys implements CreateApiKeyUseCase, ListApiKeysUseCase, DeleteApiKeyUseCase {

    private final TokenStore tokens;
    private final TokenIssuer tokenIssuer;
    private final Revocations revocations;
    private final Transactions transactions;
    private final Clock clock;

    ManageApiKeys(
            TokenStore tokens,
            TokenIssuer tokenIssuer,
            Revocations revocations,
            Transactions transactions,
            Clock clock) {
        this.tokens = tokens;
        this.tokenIssuer = tokenIssuer;
        this.revocations = revocations;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public ApiKey create(AuthenticatedUser caller, String name, Device device, Optional<Abilities> abilities) {
        var request =
                NewToken.named(DisplayName.require(Input.NAME, name)).on(device).holding(abilities);
        var user = caller.user();
        var issued = transactions.inTransaction(() -> tokenIssuer.issue(
                Actor.tokenOwner(caller), user, request, OptionalLong.of(caller.tokenId()), clock.instant()));
        var key = new TokenSummary(
                issued.tokenId(),
                issued.name(),
                issued.createdAt(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                device,
                Optional.empty(),
                issued.abilities());
        return new ApiKey(key, issued.token());
    }

    @Override
    public List<TokenSummary> list(AuthenticatedUser caller) {
        var user = caller.user();
        return tokens.listLive(user.platformId(), user.id(), clock.instant());
    }

    @Override
    public void delete(AuthenticatedUser caller, long keyId) {
        var user = caller.user();
        transactions.inTransaction(() -> {
            int revoked = revocations
                    .revokeOne(Actor.tokenOwner(caller), user, keyId, AuditAction.TOKEN_REVOKED, clock.instant())
                    .orElse(0);
            if (revoked == 0) {
                throw new ApiKeyNotFound();
            }
            return revoked;
        });
    }
}
