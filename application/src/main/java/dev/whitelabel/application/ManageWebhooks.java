package dev.whitelabel.application;

import dev.whitelabel.domain.error.DeliveryNotFound;
import dev.whitelabel.domain.error.PlatformNotFound;
import dev.whitelabel.domain.error.WebhookNotFound;
import dev.whitelabel.domain.model.Actor;
import dev.whitelabel.domain.model.Page;
import dev.whitelabel.domain.model.PageRequest;
import dev.whitelabel.domain.model.WebhookDelivery;
import dev.whitelabel.domain.model.WebhookEndpoint;
import dev.whitelabel.domain.model.WebhookEndpointCreated;
import dev.whitelabel.domain.model.WebhookEventType;
import dev.whitelabel.domain.model.WebhookSigning;
import dev.whitelabel.domain.port.in.ManageWebhooksUseCase;
import dev.whitelabel.domain.port.out.PlatformStore;
import dev.whitelabel.domain.port.out.WebhookEndpointEntry;
import dev.whitelabel.domain.port.out.WebhookStore;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** A platform's webhook endpoints: each with a signing secret of 24 random bytes, shown once. */
final class ManageWebhooks implements ManageWebhooksUseCase {

    private static final int SECRET_BYTES = 24;

    private final PlatformStore platforms;
    private final WebhookStore store;
    private final WebhookTargets targets;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ManageWebhooks(PlatformStore platforms, WebhookStore store, WebhookTargets targets, Clock clock) {
        this.platforms = platforms;
        this.store = store;
        this.targets = targets;
        this.clock = clock;
    }

    @Override
    public WebhookEndpointCreated create(Actor actor, String url, Set<WebhookEventType> events) {
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
    public void delete(Actor actor, long endpointId) {
        Administrators.require(actor);
        if (!store.delete(actor.platformId(), endpointId, clock.instant())) {
            throw new WebhookNotFound();
        }
    }

    @Override
    public Page<WebhookDelivery> deliveries(Actor actor, long endpointId, PageRequest page) {
        Administrators.require(actor);
        if (store.list(actor.platformId()).stream().noneMatch(endpoint -> endpoint.id() == endpointId)) {
            throw new WebhookNotFound();
        }
        return store.deliveries(actor.platformId(), endpointId, page);
    }

    @Override
    public void retry(Actor actor, long endpointId, long deliveryId) {
        Administrators.require(actor);
        if (!store.retry(actor.platformId(), endpointId, deliveryId, clock.instant())) {
            throw new DeliveryNotFound();
        }
    }
}
