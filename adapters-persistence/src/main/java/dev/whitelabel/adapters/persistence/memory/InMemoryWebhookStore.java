package dev.whitelabel.adapters.persistence.memory;

import dev.whitelabel.adapters.persistence.memory.InMemoryDatabase.DeliveryRow;
import dev.whitelabel.adapters.persistence.memory.InMemoryDatabase.EndpointRow;
import dev.whitelabel.domain.model.Page;
import dev.whitelabel.domain.model.PageRequest;
import dev.whitelabel.domain.model.WebhookDelivery;
import dev.whitelabel.domain.model.WebhookEndpoint;
import dev.whitelabel.domain.model.WebhookEvent;
import dev.whitelabel.domain.model.WebhookEventType;
import dev.whitelabel.domain.port.out.DeliveryClaim;
import dev.whitelabel.domain.port.out.DueDelivery;
import dev.whitelabel.domain.port.out.WebhookEndpointEntry;
import dev.whitelabel.domain.port.out.WebhookStore;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Endpoints and their outbox in memory, in the database's tables. */
final class InMemoryWebhookStore implements WebhookStore {

    private final InMemoryDatabase database;

    InMemoryWebhookStore(InMemoryDatabase database) {
        this.database = database;
    }

    @Override
    public WebhookEndpoint add(WebhookEndpointEntry entry) {
        return database.locked(() -> {
            var endpoint = new WebhookEndpoint(
                    database.nextId(), entry.platformId(), entry.url(), entry.events(), entry.createdAt());
            database.webhookEndpoints().put(endpoint.id(), new EndpointRow(endpoint, entry.secret(), Optional.empty()));
            return endpoint;
        });
    }

    @Override
    public List<WebhookEndpoint> list(long platformId) {
        return database.locked(() -> database.webhookEndpoints().values().stream()
                .filter(row -> row.deletedAt().isEmpty() && row.endpoint().platformId() == platformId)
                .map(EndpointRow::endpoint)
                .toList());
    }

    @Override
    public boolean delete(long platformId, long endpointId, Instant now) {
        return database.locked(() -> {
            var row = database.webhookEndpoints().get(endpointId);
            if (row == null || row.deletedAt().isPresent() || row.endpoint().platformId() != platformId) {
                return false;
            }
            database.webhookEndpoints()
                    .put(endpointId, new EndpointRow(row.endpoint(), row.secret(), Optional.of(now)));
            return true;
        });
    }

    @Override
    public void enqueue(long platformId, WebhookEventType type, long auditEventId, Instant now) {
        database.locked(() -> {
            var event = WebhookEvent.of(database.auditEvent(auditEventId)).orElseThrow();
            for (var endpoint : list(platformId)) {
                if (endpoint.events().contains(type)) {
                    long id = database.nextId();
                    database.webhookDeliveries().put(id, DeliveryRow.due(id, endpoint.id(), event, now));
                }
            }
            return event;
        });
    }

    @Override
    public List<DueDelivery> claimDue(DeliveryClaim claim) {
        Instant now = claim.now();
        return database.locked(() -> {
            var endpoints = database.webhookEndpoints();
            var deliveries = database.webhookDeliveries();
            List<DeliveryRow> due = deliveries.values().stream()
                    .filter(row ->
                            row.nextAttemptAt().map(at -> !at.isAfter(now)).orElse(false))
                    .toList();
            // a deleted endpoint's deliveries end when a claim meets them, all at once here
            due.stream()
                    .filter(row -> endpoints.get(row.endpointId()).deletedAt().isPresent())
                    .forEach(row -> deliveries.put(row.id(), row.nextAttemptAt(Optional.empty())));
            Map<Long, Integer> taken = new HashMap<>();
            return due.stream()
                    .filter(row -> endpoints.get(row.endpointId()).deletedAt().isEmpty()
                            && !claim.skippedEndpoints().contains(row.endpointId()))
                    .sorted(Comparator.comparing(
                                    (DeliveryRow row) -> row.nextAttemptAt().orElseThrow())
                            .thenComparing(DeliveryRow::id))
                    .filter(row -> taken.merge(row.endpointId(), 1, Integer::sum) <= claim.perEndpoint())
                    .limit(claim.limit())
                    .map(row -> {
                        deliveries.put(row.id(), row.nextAttemptAt(Optional.of(claim.leaseUntil())));
                        var endpoint = endpoints.get(row.endpointId());
                        return new DueDelivery(
                                row.id(),
                                row.endpointId(),
                                endpoint.endpoint().url(),
                                endpoint.secret(),
                                row.event(),
                                row.attempts(),
                                claim.leaseUntil());
                    })
                    .toList();
        });
    }

    @Override
    public void delivered(List<Long> deliveryIds, int status, Instant now) {
        database.locked(() -> {
            for (long id : deliveryIds) {
                database.webhookDeliveries().computeIfPresent(id, (key, row) -> row.delivered(status, now));
            }
            return deliveryIds;
        });
    }

    @Override
    public void attemptFailed(
            long deliveryId,
            Optional<Integer> status,
            Optional<String> error,
            Optional<Instant> nextAttemptAt,
            Instant now) {
        database.locked(() -> {
            return database.webhookDeliveries()
                    .computeIfPresent(deliveryId, (key, row) -> row.failed(status, error, nextAttemptAt, now));
        });
    }

    @Override
    public Page<WebhookDelivery> deliveries(long platformId, long endpointId, PageRequest page) {
        return database.locked(() -> {
            var endpoint = database.webhookEndpoints().get(endpointId);
            List<WebhookDelivery> all = endpoint == null || endpoint.endpoint().platformId() != platformId
                    ? List.of()
                    : database.webhookDeliveries().values().stream()
                            .filter(row -> row.endpointId() == endpointId)
                            .sorted(Comparator.comparingLong(
                                            (DeliveryRow row) -> row.event().auditEventId())
                                    .reversed())
                            .map(row -> row.delivery(endpoint.secret()))
                            .toList();
            return InMemoryDatabase.page(all, page);
        });
    }

    @Override
    public boolean retry(long platformId, long endpointId, long deliveryId, Instant now) {
        return database.locked(() -> {
            var endpoint = database.webhookEndpoints().get(endpointId);
            var row = database.webhookDeliveries().get(deliveryId);
            if (endpoint == null
                    || endpoint.deletedAt().isPresent()
                    || endpoint.endpoint().platformId() != platformId
                    || row == null
                    || row.endpointId() != endpointId) {
                return false;
            }
            database.webhookDeliveries().put(deliveryId, row.retriedAt(now));
            return true;
        });
    }
}
