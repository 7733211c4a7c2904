package dev.whitelabel.application;

import dev.whitelabel.domain.model.Actor;
import dev.whitelabel.domain.model.AuditEvent.AuditAction;
import dev.whitelabel.domain.port.in.RevokeTokenUseCase;
import dev.whitelabel.domain.port.out.Transactions;
import java.time.Clock;

final class RevokeToken implements RevokeTokenUseCase {

    private final ServiceClientAuthentication clients;
    private final Revocations revocations;
    private final Transactions transactions;
    private final Clock clock;

    RevokeToken(ServiceClientAuthentication clients, Revocations revocations, Transactions transactions, Clock clock) {
        this.clients = clients;
        this.revocations = revocations;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public boolean revoke(String clientId, String secret, String token) {
        var checked = clients.check(clientId, secret, token);
        checked.ifPresent(found -> found.holder()
                .ifPresent(holder -> transactions.inTransaction(() -> revocations.revokeOne(
                        Actor.serviceClient(found.check().client().client()),
                        holder.user(),
                        holder.tokenId(),
                        AuditAction.TOKEN_REVOKED,
                        clock.instant()))));
        return checked.isPresent();
    }
}
