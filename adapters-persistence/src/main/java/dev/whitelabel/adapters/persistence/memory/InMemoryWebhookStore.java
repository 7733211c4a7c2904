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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

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
                    database.nextId(),
                    entry.platformId(),
                    entry.url(),
                    entry.events(),
                    entry.createdAt(),
                    Optional.empty(),
                    Optional.empty());
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
    public Optional<WebhookEndpoint> find(long platformId, long endpointId) {
        return database.locked(() -> undeleted(platformId, endpointId).map(EndpointRow::endpoint));
    }

    private Optional<EndpointRow> undeleted(long platformId, long endpointId) {
        return Optional.ofNullable(database.webhookEndpoints().get(endpointId))
                .filter(row -> row.deletedAt().isEmpty() && row.endpoint().platformId() == platformId);
    }

    @Override
    public boolean delete(long platformId, long endpointId, Instant now) {
        return database.locked(() -> {
            var row = undeleted(platformId, endpointId);
            row.ifPresent(found -> database.webhookEndpoints()
                    .put(endpointId, new EndpointRow(found.endpoint(), found.secret(), Optional.of(now))));
            return row.isPresent();
        });
    }

    @Override
    public List<Long> enqueue(long platformId, WebhookEventType type, long auditEventId, Instant due) {
        return database.locked(() -> {
            var event = WebhookEvent.of(database.auditEvent(auditEventId)).orElseThrow();
            List<Long> ids = new ArrayList<>();
            for (var endpoint : list(platformId)) {
                if (endpoint.events().contains(type)) {
                    long id = database.nextId();
                    database.webhookDeliveries().put(id, DeliveryRow.due(id, endpoint.id(), event, due));
                    ids.add(id);
                }
            }
            return ids;
        });
    }

    @Override
    public List<DueDelivery> claimedAtWrite(List<Long> deliveryIds, Instant now) {
        return database.locked(() -> {
            var deliveries = database.webhookDeliveries();
            List<DeliveryRow> claimed = deliveryIds.stream()
                    .map(deliveries::get)
                    .filter(row -> row != null
                            && row.nextAttemptAt().filter(at -> at.isAfter(now)).isPresent())
                    .toList();
            claimed.stream()
                    .filter(this::withheld)
                    .forEach(row -> deliveries.put(row.id(), row.nextAttemptAt(Optional.empty())));
            return claimed.stream()
                    .filter(row -> !withheld(row))
                    .map(row -> due(row, row.nextAttemptAt().orElseThrow()))
                    .toList();
        });
    }

    /** A deleted endpoint's deliveries end, and a disabled one's are held, when a claim meets them. */
    private boolean withheld(DeliveryRow row) {
        var endpoint = database.webhookEndpoints().get(row.endpointId());
        return endpoint.deletedAt().isPresent()
                || endpoint.endpoint().disabledAt().isPresent();
    }

    private DueDelivery due(DeliveryRow row, Instant leaseUntil) {
        var endpoint = database.webhookEndpoints().get(row.endpointId());
        return new DueDelivery(
                row.id(),
                row.endpointId(),
                endpoint.endpoint().url(),
                endpoint.secret(),
                row.event(),
                row.attempts(),
                leaseUntil,
                endpoint.endpoint().failingSince().isPresent());
    }

    @Override
    public List<DueDelivery> claimDue(DeliveryClaim claim) {
        Instant now = claim.now();
        return database.locked(() -> {
            var deliveries = database.webhookDeliveries();
            List<DeliveryRow> due = deliveries.values().stream()
                    .filter(row ->
                            row.nextAttemptAt().map(at -> !at.isAfter(now)).orElse(false))
                    .toList();
            due.stream()
                    .filter(this::withheld)
                    .forEach(row -> deliveries.put(row.id(), row.nextAttemptAt(Optional.empty())));
            Map<Long, Integer> taken = new HashMap<>();
            return due.stream()
                    .filter(row -> !withheld(row) && claim.shareOf(row.endpointId()) > 0)
                    .sorted(Comparator.comparing(
                                    (DeliveryRow row) -> row.nextAttemptAt().orElseThrow())
                            .thenComparing(DeliveryRow::id))
                    .filter(row -> taken.merge(row.endpointId(), 1, Integer::sum) <= claim.shareOf(row.endpointId()))
                    .limit(claim.limit())
                    .map(row -> {
                        deliveries.put(row.id(), row.nextAttemptAt(Optional.of(claim.leaseUntil())));
                        return due(row, claim.leaseUntil());
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
    public List<WebhookEndpoint> endpointsAnswered(
            Set<Long> answeredEndpoints, Set<Long> failedEndpoints, Instant disableIfFailingSince, Instant now) {
        return database.locked(() -> {
            var endpoints = database.webhookEndpoints();
            Set<Long> answered = undeleted(answeredEndpoints);
            Set<Long> failing = undeleted(failedEndpoints);
            failing.removeAll(answered);
            for (long id : failing) {
                var endpoint = endpoints.get(id).endpoint();
                if (endpoint.failingSince().isEmpty()) {
                    put(id, endpoint.withFailure(Optional.of(now), endpoint.disabledAt()));
                }
            }
            for (long id : answered) {
                var endpoint = endpoints.get(id).endpoint();
                put(id, endpoint.withFailure(Optional.empty(), endpoint.disabledAt()));
            }
            List<WebhookEndpoint> disabled = new ArrayList<>();
            for (long id : failing) {
                var endpoint = endpoints.get(id).endpoint();
                boolean failedLongEnough = endpoint.failingSince()
                        .filter(since -> !since.isAfter(disableIfFailingSince))
                        .isPresent();
                if (failedLongEnough && endpoint.disabledAt().isEmpty()) {
                    var disabling = endpoint.withFailure(endpoint.failingSince(), Optional.of(now));
                    put(id, disabling);
                    disabled.add(disabling);
                }
            }
            return disabled;
        });
    }

    /** The undeleted ones of these endpoints, in id order. */
    private Set<Long> undeleted(Set<Long> endpointIds) {
        return endpointIds.stream()
                .filter(id -> database.webhookEndpoints().get(id).deletedAt().isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private void put(long endpointId, WebhookEndpoint endpoint) {
        database.webhookEndpoints()
                .computeIfPresent(endpointId, (id, row) -> new EndpointRow(endpoint, row.secret(), row.deletedAt()));
    }

    @Override
    public boolean enable(long platformId, long endpointId) {
        return database.locked(() -> {
            var disabled = undeleted(platformId, endpointId)
                    .map(EndpointRow::endpoint)
                    .filter(endpoint -> endpoint.disabledAt().isPresent());
            disabled.ifPresent(endpoint -> put(endpointId, endpoint.withFailure(Optional.empty(), Optional.empty())));
            return disabled.isPresent();
        });
    }

    @Override
    public int resume(long platformId, long endpointId, Instant now) {
        return database.locked(() -> {
            if (undeleted(platformId, endpointId)
                    .filter(row -> row.endpoint().disabledAt().isEmpty())
                    .isEmpty()) {
                return 0;
            }
            List<DeliveryRow> held = database.webhookDeliveries().values().stream()
                    .filter(row -> row.endpointId() == endpointId
                            && row.deliveredAt().isEmpty()
                            && row.failedAt().isEmpty()
                            && row.nextAttemptAt().map(at -> !at.isAfter(now)).orElse(true))
                    .toList();
            held.forEach(row -> database.webhookDeliveries().put(row.id(), row.nextAttemptAt(Optional.of(now))));
            return held.size();
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
            var row = database.webhookDeliveries().get(deliveryId);
            if (undeleted(platformId, endpointId).isEmpty() || row == null || row.endpointId() != endpointId) {
                return false;
            }
            database.webhookDeliveries().put(deliveryId, row.retriedAt(now));
            return true;
        });
    }
}
