package dev.whitelabel.application;

import dev.whitelabel.domain.error.TooManyLoginAttempts;
import dev.whitelabel.domain.model.Actor;
import dev.whitelabel.domain.model.AuditEvent.AuditAction;
import dev.whitelabel.domain.model.AuthenticatedUser;
import dev.whitelabel.domain.model.Introspection;
import dev.whitelabel.domain.model.PlainTextToken;
import dev.whitelabel.domain.model.ServiceClient;
import dev.whitelabel.domain.model.ServiceClientCheck;
import dev.whitelabel.domain.model.TokenDigest;
import dev.whitelabel.domain.port.in.ServiceClientDoorsUseCase;
import dev.whitelabel.domain.port.out.ServiceClientStore;
import dev.whitelabel.domain.port.out.Transactions;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;

/**
 * Introspection and revocation for service clients: the client and the token read in one lookup,
 * uncached (so a revoked token or a deleted client is refused on the very next call, on every
 * instance), the token confined to the client's platform.
 */
final class ServiceClientDoors implements ServiceClientDoorsUseCase {

    /** No token has this id: a malformed token still costs the client's check, and says nothing more. */
    private static final long NO_TOKEN = -1;

    private final ServiceClientStore clients;
    private final LiveTokens liveTokens;
    private final Revocations revocations;
    private final LoginThrottling throttling;
    private final Transactions transactions;
    private final Clock clock;

    ServiceClientDoors(
            ServiceClientStore clients,
            LiveTokens liveTokens,
            Revocations revocations,
            LoginThrottling throttling,
            Transactions transactions,
            Clock clock) {
        this.clients = clients;
        this.liveTokens = liveTokens;
        this.revocations = revocations;
        this.throttling = throttling;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Introspection introspect(String clientId, String secret, String token) {
        Optional<PlainTextToken> presented = PlainTextToken.parse(token);
        Optional<ServiceClientCheck> check = authenticated(
                clientId, secret, presented.map(PlainTextToken::id).orElse(NO_TOKEN));
        if (check.isEmpty()) {
            return new Introspection.InvalidClient();
        }
        Optional<AuthenticatedUser> holder =
                presented.flatMap(parsed -> liveTokens.holder(check.get().token(), parsed, Optional.empty()));
        return holder.<Introspection>map(Introspection.Active::new).orElseGet(Introspection.Inactive::new);
    }

    @Override
    public boolean revoke(String clientId, String secret, String token) {
        Optional<PlainTextToken> presented = PlainTextToken.parse(token);
        Optional<ServiceClientCheck> check = authenticated(
                clientId, secret, presented.map(PlainTextToken::id).orElse(NO_TOKEN));
        if (check.isEmpty()) {
            return false;
        }
        ServiceClient client = check.get().client().client();
        presented
                .flatMap(parsed -> liveTokens.holder(check.get().token(), parsed, Optional.empty()))
                .ifPresent(holder -> transactions.inTransaction(() -> revocations.revokeOne(
                        Actor.serviceClient(client),
                        holder.user(),
                        holder.tokenId(),
                        AuditAction.TOKEN_REVOKED,
                        clock.instant())));
        return true;
    }

    /**
     * The client and the token, when the secret is the client's (compared in constant time); a wrong
     * one is counted.
     *
     * @throws TooManyLoginAttempts a wrong secret, once the client id's wrong secrets reached the limit
     */
    private Optional<ServiceClientCheck> authenticated(String clientId, String secret, long tokenId) {
        Optional<ServiceClientCheck> check =
                StandardCharsets.US_ASCII.newEncoder().canEncode(secret)
                        ? clients.findWithToken(clientId, tokenId)
                                .filter(found -> found.client().secretDigest().matches(TokenDigest.of(secret)))
                        : Optional.empty();
        if (check.isEmpty()) {
            throttling.clientFailed(clientId, clock.instant());
        }
        return check;
    }
}
