package dev.whitelabel.application;

import dev.whitelabel.domain.model.Actor;
import dev.whitelabel.domain.model.AuditEvent.AuditAction;
import dev.whitelabel.domain.model.AuthenticatedUser;
import dev.whitelabel.domain.model.ServiceClient;
import dev.whitelabel.domain.model.ServiceClientCredential;
import dev.whitelabel.domain.model.TokenDigest;
import dev.whitelabel.domain.port.in.AuthenticateTokenUseCase;
import dev.whitelabel.domain.port.in.ServiceClientDoorsUseCase;
import dev.whitelabel.domain.port.out.ServiceClientStore;
import dev.whitelabel.domain.port.out.Transactions;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;

/**
 * Introspection and revocation for service clients: the same lookup as every authenticated
 * request (so a revoked token is refused on the very next check, on every instance), confined to
 * the client's platform.
 */
final class ServiceClientDoors implements ServiceClientDoorsUseCase {

    private final ServiceClientStore clients;
    private final AuthenticateTokenUseCase authenticateToken;
    private final Revocations revocations;
    private final Transactions transactions;
    private final Clock clock;

    ServiceClientDoors(
            ServiceClientStore clients,
            AuthenticateTokenUseCase authenticateToken,
            Revocations revocations,
            Transactions transactions,
            Clock clock) {
        this.clients = clients;
        this.authenticateToken = authenticateToken;
        this.revocations = revocations;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Optional<ServiceClient> authenticate(String clientId, String secret) {
        if (!StandardCharsets.US_ASCII.newEncoder().canEncode(secret)) {
            return Optional.empty();
        }
        TokenDigest presented = TokenDigest.of(secret);
        return clients.findByClientId(clientId)
                .filter(stored -> stored.secretDigest().matches(presented))
                .map(ServiceClientCredential::client);
    }

    @Override
    public Optional<AuthenticatedUser> introspect(ServiceClient client, String token) {
        return authenticateToken.authenticateOnPlatform(token, client.platformId());
    }

    @Override
    public void revoke(ServiceClient client, String token) {
        introspect(client, token).ifPresent(holder -> transactions.inTransaction(() -> revocations.revokeOne(
                Actor.serviceClient(client), holder.user(), holder.tokenId(), AuditAction.TOKEN_REVOKED, clock.instant())));
    }
}
