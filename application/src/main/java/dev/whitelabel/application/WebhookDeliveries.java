package dev.whitelabel.application;

import dev.whitelabel.domain.model.DeliveryLimits;
import dev.whitelabel.domain.port.in.DeliverWebhooksUseCase;
import dev.whitelabel.domain.port.out.Storage;
import dev.whitelabel.domain.port.out.WebhookSender;
import java.time.Clock;
import java.time.Duration;

/**
 * Makes this instance's webhook delivery, woken by the events its own use cases write. A server gives
 * it a storage over a pool of its own, so that its claims and outcomes never queue behind the requests
 * for a connection, nor the requests behind them.
 */
final class WebhookDeliveries {

    private final Storage storage;
    private final Clock clock;
    private final DeliveryActivity activity;
    private final Duration disableAfter;

    WebhookDeliveries(Storage storage, Clock clock, DeliveryActivity activity, Duration disableAfter) {
        this.storage = storage;
        this.clock = clock;
        this.activity = activity;
        this.disableAfter = disableAfter;
    }

    /** Over the use cases' own storage. */
    DeliverWebhooksUseCase sendingWith(WebhookSender sender, DeliveryLimits limits) {
        return over(storage, sender, limits);
    }

    /** Over {@code storage}, the same database as the use cases' reached another way. */
    DeliverWebhooksUseCase over(Storage storage, WebhookSender sender, DeliveryLimits limits) {
        return new DeliverWebhooks(
                storage.webhooks(),
                sender,
                new FailingEndpoints(storage.webhooks(), storage.auditLog(), disableAfter),
                storage.transactions(),
                clock,
                activity,
                limits);
    }
}
