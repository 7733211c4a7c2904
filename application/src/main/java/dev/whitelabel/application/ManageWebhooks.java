package dev.whitelabel.application;

import dev.whitelabel.domain.error.DeliveryNotFound;
import dev.whitelabel.domain.error.PlatformNotFound;
import dev.whitelabel.domain.error.WebhookNotFound;
import dev.whitelabel.domain.model.Actor;
import dev.whitelabel.domain.model.AuditEvent;
import dev.whitelabel.domain.model.AuditEvent.AuditAction;
import dev.whitelabel.domain.model.Page;
import dev.whitelabel.domain.model.PageRequest;
import dev.whitelabel.domain.model.WebhookDelivery;
import dev.whitelabel.domain.model.WebhookEnabled;
import dev.whitelabel.domain.model.WebhookEndpoint;
import dev.whitelabel.domain.model.WebhookEndpointCreated;
import dev.whitelabel.domain.model.WebhookEventType;
import dev.whitelabel.domain.model.WebhookSigning;
import dev.whitelabel.domain.port.in.CreateWebhookCommand;
import dev.whitelabel.domain.port.in.CreateWebhookUseCase;
import dev.whitelabel.domain.port.in.DeleteWebhookUseCase;
import dev.whitelabel.domain.port.in.EnableWebhookUseCase;
import dev.whitelabel.domain.port.in.FindWebhookUseCase;
import dev.whitelabel.domain.port.in.ListWebhookDeliveriesUseCase;
import dev.whitelabel.domain.port.in.ListWebhooksUseCase;
import dev.whitelabel.domain.port.in.RetryDeliveryCommand;
import dev.whitelabel.domain.port.in.RetryDeliveryUseCase;
import dev.whitelabel.domain.port.in.WebhookDeliveriesQuery;
import dev.whitelabel.domain.port.out.AuditLog;
import dev.whitelabel.domain.port.out.PlatformStore;
import dev.whitelabel.domain.port.out.Transactions;
import dev.whitelabel.domain.port.out.WebhookEndpointEntry;
import dev.whitelabel.domain.port.out.WebhookStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** A platform's webhook endpoints: each with a signing secret of 24 random bytes, shown once. */
final class ManageWebhooks
        implements CreateWebhookUseCase,
                ListWebhooksUseCase,
                FindWebhookUseCase,
                EnableWebhookUseCase,
                DeleteWebhookUseCase,
                ListWebhookDeliveriesUseCase,
                RetryDeliveryUseCase {

    private static final int SECRET_BYTES = 24;

    private final PlatformStore platforms;
    private final WebhookStore store;
    private final WebhookTargets targets;
    private final AuditLog auditLog;
    private final Transactions transactions;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ManageWebhooks(
            PlatformStore platforms,
            WebhookStore store,
            WebhookTargets targets,
            AuditLog auditLog,
            Transactions transactions,
            Clock clock) {
        this.platforms = platforms;
        this.store = store;
        this.targets = targets;
        this.auditLog = auditLog;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public WebhookEndpointCreated create(CreateWebhookCommand command) {
        Actor actor = command.actor();
        String url = command.url();
        Set<WebhookEventType> events = command.events();
        Administrators.require(actor);
        String target = targets.require(url);
        platforms.find(actor.platformId()).orElseThrow(PlatformNotFound::new);
        byte[] key = new byte[SECRET_BYTES];
        random.nextBytes(key);
        String secret = WebhookSigning.SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
        Set<WebhookEventType> taken = events.isEmpty() ? EnumSet.allOf(WebhookEventType.class) : EnumSet.copyOf(events);
        var endpoint = store.add(new WebhookEndpointEntry(actor.platformId(), target, taken, secret, clock.instant()));
        return new WebhookEndpointCreated(endpoint, secret);
    }

    @Override
    public List<WebhookEndpoint> list(Actor actor) {
        Administrators.require(actor);
        return store.list(actor.platformId());
    }

    @Override
    public WebhookEndpoint find(Actor actor, long endpointId) {
        Administrators.require(actor);
        return store.find(actor.platformId(), endpointId).orElseThrow(WebhookNotFound::new);
    }

    /**
     * Two transactions, the endpoint's and then its deliveries', at a time read after the first
     * committed: a claim that read the endpoint as disabled before then may be holding deliveries it
     * met due by then, and the second waits for that claim, so that none stays held once enabled.
     */
    @Override
    public WebhookEnabled enable(Actor actor, long endpointId) {
        transactions.inTransaction(() -> {
            find(actor, endpointId);
            boolean wasDisabled = store.enable(actor.platformId(), endpointId);
            if (wasDisabled) {
                auditLog.record(AuditEvent.ofWebhook(
                        clock.instant(), actor.platformId(), actor.audited(), endpointId, AuditAction.WEBHOOK_ENABLED));
            }
            return wasDisabled;
        });
        int resumed = store.resume(actor.platformId(), endpointId, clock.instant());
        return new WebhookEnabled(find(actor, endpointId), resumed);
    }

    @Override
    public void delete(Actor actor, long endpointId) {
        Administrators.require(actor);
        if (!store.delete(actor.platformId(), endpointId, clock.instant())) {
            throw new WebhookNotFound();
        }
    }

    @Override
    public Page<WebhookDelivery> deliveries(WebhookDeliveriesQuery command) {
        Actor actor = command.actor();
        long endpointId = command.endpointId();
        PageRequest page = command.page();
        find(actor, endpointId);
        return store.deliveries(actor.platformId(), endpointId, page);
    }

    @Override
    public void retry(RetryDeliveryCommand command) {
        Actor actor = command.actor();
        long endpointId = command.endpointId();
        long deliveryId = command.deliveryId();
        Administrators.require(actor);
        if (!store.retry(actor.platformId(), endpointId, deliveryId, clock.instant())) {
            throw new DeliveryNotFound();
        }
    }
}
