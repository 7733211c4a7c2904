package dev.whitelabel.application;

import dev.whitelabel.domain.error.Input;
import dev.whitelabel.domain.error.PlatformNotFound;
import dev.whitelabel.domain.error.ServiceClientNotFound;
import dev.whitelabel.domain.model.Actor;
import dev.whitelabel.domain.model.AuditEvent;
import dev.whitelabel.domain.model.AuditEvent.AuditAction;
import dev.whitelabel.domain.model.DisplayName;
import dev.whitelabel.domain.model.ServiceClient;
import dev.whitelabel.domain.model.ServiceClientCreated;
import dev.whitelabel.domain.model.TokenDigest;
import dev.whitelabel.domain.port.in.CreateServiceClientUseCase;
import dev.whitelabel.domain.port.in.DeleteServiceClientUseCase;
import dev.whitelabel.domain.port.in.ListServiceClientsUseCase;
import dev.whitelabel.domain.port.out.AuditLog;
import dev.whitelabel.domain.port.out.PlatformStore;
import dev.whitelabel.domain.port.out.ServiceClientEntry;
import dev.whitelabel.domain.port.out.ServiceClientStore;
import dev.whitelabel.domain.port.out.Transactions;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Credentials for a platform's resource servers. The client id is public; the secret is 40
 * base-62 characters (about 238 bits), so a single SHA-256 is enough to keep it at rest: unlike a
 * password it cannot be guessed, and it is checked on every introspection, where BCrypt would cost
 * more than the check itself.
 */
final class ManageServiceClients
        implements CreateServiceClientUseCase, ListServiceClientsUseCase, DeleteServiceClientUseCase {

    static final String CLIENT_ID_PREFIX = "wlc_";
    static final int CLIENT_ID_LENGTH = 20;
    // prefixes make a leaked id or secret recognisable to secret scanners
    static final String SECRET_PREFIX = "wls_";

    private final PlatformStore platforms;
    private final ServiceClientStore clients;
    private final AuditLog auditLog;
    private final Transactions transactions;
    private final Clock clock;
    private final TokenSecrets secrets = new TokenSecrets();

    ManageServiceClients(
            PlatformStore platforms,
            ServiceClientStore clients,
            AuditLog auditLog,
            Transactions transactions,
            Clock clock) {
        this.platforms = platforms;
        this.clients = clients;
        this.auditLog = auditLog;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public ServiceClientCreated create(Actor actor, String name) {
        Administrators.require(actor);
        String checkedName = DisplayName.require(Input.NAME, name);
        platforms.find(actor.platformId()).orElseThrow(PlatformNotFound::new);
        String secret = SECRET_PREFIX + secrets.next();
        String clientId = CLIENT_ID_PREFIX + secrets.next(CLIENT_ID_LENGTH);
        Instant now = clock.instant();
        return transactions.inTransaction(() -> {
            ServiceClient client = clients.add(
                    new ServiceClientEntry(actor.platformId(), checkedName, clientId, TokenDigest.of(secret), now));
            auditLog.record(AuditEvent.ofServiceClient(now, actor, client.id(), AuditAction.SERVICE_CLIENT_CREATED));
            return new ServiceClientCreated(client, secret);
        });
    }

    @Override
    public List<ServiceClient> list(Actor actor) {
        Administrators.require(actor);
        return clients.list(actor.platformId());
    }

    @Override
    public void delete(Actor actor, long serviceClientId) {
        Administrators.require(actor);
        Instant now = clock.instant();
        transactions.inTransaction(() -> {
            if (!clients.delete(actor.platformId(), serviceClientId, now)) {
                throw new ServiceClientNotFound();
            }
            auditLog.record(
                    AuditEvent.ofServiceClient(now, actor, serviceClientId, AuditAction.SERVICE_CLIENT_DELETED));
            return serviceClientId;
        });
    }
}
