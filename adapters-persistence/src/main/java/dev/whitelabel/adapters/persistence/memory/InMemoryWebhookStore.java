package dev.whitelabel.adapters.persistence.memory;

import dev.whitelabel.domain.model.Page;
import dev.whitelabel.domain.model.PageRequest;
import dev.whitelabel.domain.model.WebhookDelivery;
import dev.whitelabel.domain.model.WebhookEndpoint;
import dev.whitelabel.domain.model.WebhookEvent;
import dev.whitelabel.domain.model.WebhookEventType;
import dev.whitelabel.domain.model.WebhookSigning;
import dev.whitelabel.domain.port.out.DueDelivery;
import dev.whitelabel.domain.port.out.WebhookEndpointEntry;
import dev.whitelabel.domain.port.out.WebhookStore;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Endpoints and their outbox in memory; every call holds the database's one lock, as a transaction would. */
final class InMemoryWebhookStore implements WebhookStore {

    private record EndpointRow(WebhookEndpoint endpoint, String secret, Optional<Instant> deletedAt) {}

    /** A delivery as it changes from attempt to attempt; touched only under the lock. */
    private static final class DeliveryRow {
        final long id;
        final long endpointId;
        final WebhookEvent event;
        int attempts;
        Optional<Integer> lastStatus = Optional.empty();
        Optional<String> lastError = Optional.empty();
        Optional<Instant> nextAttemptAt;
        Optional<Instant> deliveredAt = Optional.empty();
        Optional<Instant> failedAt = Optional.empty();

        DeliveryRow(long id, long endpointId, WebhookEvent event, Instant due) {
            this.id = id;
            this.endpointId = endpointId;
            this.event = event;
            this.nextAttemptAt = Optional.of(due);
        }

        WebhookDelivery delivery(String secret) {
            return new WebhookDelivery(id, endpointId, WebhookSigning.messageId(secret, event.auditEventId()), event.type(),
                    event.timestamp(), attempts, lastStatus, lastError, nextAttemptAt, deliveredAt, failedAt);
        }
    }

    private final InMemoryDatabase database;
    private final Map<Long, EndpointRow> endpoints = new LinkedHashMap<>();
    private final Map<Long, DeliveryRow> deliveries = new LinkedHashMap<>();

    InMemoryWebhookStore(InMemoryDatabase database) {
        this.database = database;
    }

    @Override
    public WebhookEndpoint add(WebhookEndpointEntry entry) {
        return database.locked(() -> {
            var endpoint = new WebhookEndpoint(database.nextId(), entry.platformId(), entry.url(), entry.events(), entry.createdAt());
            endpoints.put(endpoint.id(), new EndpointRow(endpoint, entry.secret(), Optional.empty()));
            return endpoint;
        });
    }

    @Override
    public List<WebhookEndpoint> list(long platformId) {
        return database.locked(() -> endpoints.values().stream()
                .filter(row -> row.deletedAt().isEmpty() && row.endpoint().platformId() == platformId)
                .map(EndpointRow::endpoint)
                .toList());
    }

    @Override
    public boolean delete(long platformId, long endpointId, Instant now) {
        return database.locked(() -> {
            var row = endpoints.get(endpointId);
            if (row == null || row.deletedAt().isPresent() || row.endpoint().platformId() != platformId) {
                return false;
            }
            endpoints.put(endpointId, new EndpointRow(row.endpoint(), row.secret(), Optional.of(now)));
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
                    deliveries.put(id, new DeliveryRow(id, endpoint.id(), event, now));
                }
            }
            return event;
        });
    }

    @Override
    public List<DueDelivery> claimDue(Instant now, Instant leaseUntil, int limit) {
        return database.locked(() -> {
            List<DeliveryRow> due = deliveries.values().stream()
                    .filter(row -> row.nextAttemptAt.map(at -> !at.isAfter(now)).orElse(false))
                    .toList();
            // a deleted endpoint's deliveries end when a claim meets them, all at once here
            due.stream().filter(row -> endpoints.get(row.endpointId).deletedAt().isPresent())
                    .forEach(row -> row.nextAttemptAt = Optional.empty());
            return due.stream()
                    .filter(row -> row.nextAttemptAt.isPresent())
                    .sorted(Comparator.comparing(row -> row.nextAttemptAt.orElseThrow()))
                    .limit(limit)
                    .map(row -> {
                        row.nextAttemptAt = Optional.of(leaseUntil);
                        var endpoint = endpoints.get(row.endpointId);
                        return new DueDelivery(row.id, endpoint.endpoint().url(), endpoint.secret(), row.event, row.attempts);
                    })
                    .toList();
        });
    }

    @Override
    public void delivered(List<Long> deliveryIds, int status, Instant now) {
        database.locked(() -> {
            for (long id : deliveryIds) {
                var row = deliveries.get(id);
                row.attempts++;
                row.lastStatus = Optional.of(status);
                row.lastError = Optional.empty();
                row.deliveredAt = Optional.of(now);
                row.nextAttemptAt = Optional.empty();
            }
            return deliveryIds;
        });
    }

    @Override
    public void attemptFailed(
            long deliveryId, Optional<Integer> status, Optional<String> error, Optional<Instant> nextAttemptAt, Instant now) {
        database.locked(() -> {
            var row = deliveries.get(deliveryId);
            row.attempts++;
            row.lastStatus = status;
            row.lastError = error;
            row.nextAttemptAt = nextAttemptAt;
            row.failedAt = nextAttemptAt.isPresent() ? Optional.empty() : Optional.of(now);
            return row;
        });
    }

    @Override
    public Page<WebhookDelivery> deliveries(long platformId, long endpointId, PageRequest page) {
        return database.locked(() -> {
            var endpoint = endpoints.get(endpointId);
            List<WebhookDelivery> all = endpoint == null || endpoint.endpoint().platformId() != platformId ? List.of()
                    : deliveries.values().stream().filter(row -> row.endpointId == endpointId)
                            .sorted(Comparator.comparingLong((DeliveryRow row) -> row.event.auditEventId()).reversed())
                            .map(row -> row.delivery(endpoint.secret())).toList();
            return InMemoryDatabase.page(all, page);
        });
    }

    @Override
    public boolean retry(long platformId, long endpointId, long deliveryId, Instant now) {
        return database.locked(() -> {
            var endpoint = endpoints.get(endpointId);
            var row = deliveries.get(deliveryId);
            if (endpoint == null || endpoint.deletedAt().isPresent() || endpoint.endpoint().platformId() != platformId
                    || row == null || row.endpointId != endpointId) {
                return false;
            }
            row.nextAttemptAt = Optional.of(now);
            row.failedAt = Optional.empty();
            return true;
        });
    }
}
