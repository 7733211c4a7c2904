package dev.whitelabel.adapters.http;

import dev.whitelabel.domain.error.DeliveryNotFound;
import dev.whitelabel.domain.error.WebhookNotFound;
import dev.whitelabel.domain.model.WebhookDelivery;
import dev.whitelabel.domain.model.WebhookEndpoint;
import dev.whitelabel.domain.model.WebhookEventType;
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
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** An admin's webhook endpoints, and what became of their deliveries. */
public final class WebhookRoutes implements RouteGroup {

    static final String PATH = "/api/white-label/webhooks";
    /** Why an endpoint is disabled; the service disables one for no other reason. */
    static final String FAILING = "failing";

    record Listed(
            long id,
            String url,
            List<String> events,
            String createdAt,
            String failingSince,
            String disabledAt,
            String disabledReason) {
        static Listed of(WebhookEndpoint endpoint) {
            return new Listed(
                    endpoint.id(),
                    endpoint.url(),
                    wireNames(endpoint.events()),
                    endpoint.createdAt().toString(),
                    text(endpoint.failingSince()),
                    text(endpoint.disabledAt()),
                    endpoint.disabledAt().map(at -> FAILING).orElse(null));
        }
    }

    record Found(Listed webhook) {}

    record Enabled(String message, int resumedDeliveries, Listed webhook) {}

    record Created(long id, String url, List<String> events, String createdAt, String secret) {}

    record CreatedAnswer(String message, Created webhook) {}

    record Listing(List<Listed> webhooks) {}

    record ListedDelivery(
            long id,
            String eventId,
            String type,
            String occurredAt,
            int attempts,
            Integer lastStatus,
            String lastError,
            String nextAttemptAt,
            String deliveredAt,
            String failedAt) {
        static ListedDelivery of(WebhookDelivery delivery) {
            return new ListedDelivery(
                    delivery.id(),
                    delivery.messageId(),
                    WireNames.of(delivery.type()),
                    delivery.occurredAt().toString(),
                    delivery.attempts(),
                    delivery.lastStatus().orElse(null),
                    delivery.lastError().orElse(null),
                    text(delivery.nextAttemptAt()),
                    text(delivery.deliveredAt()),
                    text(delivery.failedAt()));
        }
    }

    private final CreateWebhookUseCase createWebhook;
    private final ListWebhooksUseCase listWebhooks;
    private final FindWebhookUseCase findWebhook;
    private final EnableWebhookUseCase enableWebhook;
    private final DeleteWebhookUseCase deleteWebhook;
    private final ListWebhookDeliveriesUseCase listWebhookDeliveries;
    private final RetryDeliveryUseCase retryDelivery;
    private final RequestBody requestBody;

    public WebhookRoutes(
            CreateWebhookUseCase createWebhook,
            ListWebhooksUseCase listWebhooks,
            FindWebhookUseCase findWebhook,
            EnableWebhookUseCase enableWebhook,
            DeleteWebhookUseCase deleteWebhook,
            ListWebhookDeliveriesUseCase listWebhookDeliveries,
            RetryDeliveryUseCase retryDelivery,
            RouteSupport support) {
        this.createWebhook = createWebhook;
        this.listWebhooks = listWebhooks;
        this.findWebhook = findWebhook;
        this.enableWebhook = enableWebhook;
        this.deleteWebhook = deleteWebhook;
        this.listWebhookDeliveries = listWebhookDeliveries;
        this.retryDelivery = retryDelivery;
        this.requestBody = support.requestBody;
    }

    @Override
    public void register(RoutesConfig routes) {
        routes.post(PATH, this::create);
        routes.get(PATH, this::list);
        routes.get(PATH + "/{id}", this::find);
        routes.delete(PATH + "/{id}", this::delete);
        routes.post(PATH + "/{id}/enable", this::enable);
        routes.get(PATH + "/{id}/deliveries", Paginated.PARAMETERS.around(this::deliveries));
        routes.post(PATH + "/{id}/deliveries/{delivery}/retry", this::retry);
    }

    private void create(Context ctx) {
        var admin = BearerAuthentication.whiteLabelAdmin(ctx);
        var body = requestBody.read(ctx);
        var url = body.requiredText("url");
        var events = body.valid(body.optionalTextList("events"), WebhookRoutes::eventTypes);
        body.requireValid();

        var created = createWebhook.create(new CreateWebhookCommand(admin, url.orElseThrow(), events.orElse(Set.of())));

        var endpoint = created.endpoint();
        ctx.status(201)
                .json(new CreatedAnswer(
                        "Webhook created successfully.",
                        new Created(
                                endpoint.id(),
                                endpoint.url(),
                                wireNames(endpoint.events()),
                                endpoint.createdAt().toString(),
                                created.secret())));
    }

    private void list(Context ctx) {
        var admin = BearerAuthentication.whiteLabelAdmin(ctx);
        ctx.json(new Listing(listWebhooks.list(admin).stream().map(Listed::of).toList()));
    }

    private void find(Context ctx) {
        var admin = BearerAuthentication.whiteLabelAdmin(ctx);
        ctx.json(new Found(Listed.of(findWebhook.find(admin, endpointId(ctx)))));
    }

    private void enable(Context ctx) {
        var admin = BearerAuthentication.whiteLabelAdmin(ctx);
        var enabled = enableWebhook.enable(admin, endpointId(ctx));
        ctx.json(new Enabled(
                ResponseBodies.WEBHOOK_ENABLED_MESSAGE, enabled.resumedDeliveries(), Listed.of(enabled.endpoint())));
    }

    private void delete(Context ctx) {
        var admin = BearerAuthentication.whiteLabelAdmin(ctx);
        deleteWebhook.delete(admin, endpointId(ctx));
        ctx.json(new ResponseBodies.Message("Webhook deleted successfully."));
    }

    private void deliveries(Context ctx) {
        var admin = BearerAuthentication.whiteLabelAdmin(ctx);
        long endpointId = endpointId(ctx);
        var page = Paginated.request(ctx);

        var deliveries = listWebhookDeliveries.deliveries(new WebhookDeliveriesQuery(admin, endpointId, page));

        ctx.json(Paginated.of(ctx, deliveries, ListedDelivery::of, Optional.empty()));
    }

    private void retry(Context ctx) {
        var admin = BearerAuthentication.whiteLabelAdmin(ctx);
        long endpointId = endpointId(ctx);
        long deliveryId = PathIds.positive(ctx.pathParam("delivery")).orElseThrow(DeliveryNotFound::new);

        retryDelivery.retry(new RetryDeliveryCommand(admin, endpointId, deliveryId));

        ctx.json(new ResponseBodies.Message("Delivery due again now."));
    }

    private static long endpointId(Context ctx) {
        return PathIds.positive(ctx.pathParam("id")).orElseThrow(WebhookNotFound::new);
    }

    private static Set<WebhookEventType> eventTypes(List<String> names) {
        Set<WebhookEventType> types = EnumSet.noneOf(WebhookEventType.class);
        for (String name : names) {
            types.add(WireNames.eventType(name)
                    .orElseThrow(() -> InvalidRequest.of(
                            "events", "The events field may hold token.revoked and user.logged_out only.")));
        }
        return types;
    }

    private static List<String> wireNames(Set<WebhookEventType> events) {
        return events.stream().map(WireNames::of).sorted().toList();
    }

    private static String text(Optional<Instant> instant) {
        return instant.map(Instant::toString).orElse(null);
    }
}
