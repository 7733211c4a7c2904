package dev.whitelabel.adapters.persistence.jdbi;

import dev.whitelabel.domain.model.Page;
import dev.whitelabel.domain.model.PageRequest;
import dev.whitelabel.domain.model.WebhookDelivery;
import dev.whitelabel.domain.model.WebhookEndpoint;
import dev.whitelabel.domain.model.WebhookEvent;
import dev.whitelabel.domain.model.WebhookEventType;
import dev.whitelabel.domain.model.WebhookSigning;
import dev.whitelabel.domain.port.out.DeliveryClaim;
import dev.whitelabel.domain.port.out.DueDelivery;
import dev.whitelabel.domain.port.out.WebhookEndpointEntry;
import dev.whitelabel.domain.port.out.WebhookStore;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

final class JdbiWebhookStore implements WebhookStore {

    private static final String ENDPOINT = "id, platform_id, url, events, created_at";

    private final GuardedJdbi jdbi;

    JdbiWebhookStore(GuardedJdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public WebhookEndpoint add(WebhookEndpointEntry endpoint) {
        long id = jdbi.withHandle(handle -> handle.createUpdate("""
                        insert into webhook_endpoints (platform_id, url, events, secret, created_at)
                        values (:platformId, :url, :events, :secret, :createdAt)""")
                .bind("platformId", endpoint.platformId())
                .bind("url", endpoint.url())
                .bind("events", wireNames(endpoint.events()))
                .bind("secret", endpoint.secret())
                .bind("createdAt", endpoint.createdAt())
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one());
        return new WebhookEndpoint(id, endpoint.platformId(), endpoint.url(), endpoint.events(), endpoint.createdAt());
    }

    @Override
    public List<WebhookEndpoint> list(long platformId) {
        return jdbi.withHandle(handle -> handle.createQuery("select " + ENDPOINT
                        + " from webhook_endpoints where platform_id = :platformId and deleted_at is null order by id")
                .bind("platformId", platformId)
                .map((rs, ctx) -> endpoint(rs))
                .list());
    }

    /**
     * Leaves the deliveries alone: a claim ends those still due, so that no statement here waits on
     * rows a dispatcher holds, or deadlocks with it.
     */
    @Override
    public boolean delete(long platformId, long endpointId, Instant now) {
        return SoftDeletes.delete(jdbi, "webhook_endpoints", platformId, endpointId, now);
    }

    @Override
    public void enqueue(long platformId, WebhookEventType type, long auditEventId, Instant now) {
        // events is a comma-separated list of wire names: framed in commas, one type is one exact match
        jdbi.useHandle(handle -> handle.createUpdate("""
                        insert into webhook_deliveries (endpoint_id, audit_event_id, next_attempt_at)
                        select id, :auditEventId, :now from webhook_endpoints
                        where platform_id = :platformId and deleted_at is null and ',' || events || ',' like :framedType""")
                .bind("platformId", platformId)
                .bind("framedType", "%," + type.wireName() + ",%")
                .bind("auditEventId", auditEventId)
                .bind("now", now)
                .execute());
    }

    @Override
    public List<DueDelivery> claimDue(DeliveryClaim claim) {
        return jdbi.inTransaction(handle -> {
            // a batch of nothing but a deleted endpoint's deliveries says nothing of what else is due
            while (true) {
                Batch batch = claimBatch(handle, claim);
                if (!batch.live().isEmpty() || batch.taken() < claim.limit()) {
                    return batch.live();
                }
            }
        });
    }

    /** Due deliveries within the claim's limits: those of live endpoints leased, those of deleted ones ended. */
    private static Batch claimBatch(Handle handle, DeliveryClaim claim) {
        // one table locked, rows other claimers hold skipped: instances never claim the same delivery;
        // each endpoint's oldest first, so that one endpoint's backlog cannot fill a claim
        String skipped = claim.skippedEndpoints().isEmpty() ? "" : " and endpoint_id not in (<skipped>)";
        var query = handle.createQuery("""
                        select id from webhook_deliveries where id in (
                            select id from (
                                select id, row_number() over (partition by endpoint_id order by next_attempt_at, id) as place
                                from webhook_deliveries where next_attempt_at <= :now""" + skipped + """
                            ) ranked where place <= :perEndpoint)
                        order by next_attempt_at, id limit :limit for update skip locked""")
                .bind("now", claim.now())
                .bind("perEndpoint", claim.perEndpoint())
                .bind("limit", claim.limit());
        if (!skipped.isEmpty()) {
            query.bindList("skipped", List.copyOf(claim.skippedEndpoints()));
        }
        List<Long> ids = query.mapTo(Long.class).list();
        Instant leaseUntil = claim.leaseUntil();
        if (ids.isEmpty()) {
            return new Batch(0, List.of());
        }
        handle.createUpdate("update webhook_deliveries set next_attempt_at = :lease where id in (<ids>)")
                .bind("lease", leaseUntil)
                .bindList("ids", ids)
                .execute();
        List<ClaimedRow> claimed = handle.createQuery(
                        "select d.id as delivery_id, d.endpoint_id, e.url, e.secret, d.attempts,"
                                + " e.deleted_at is not null as orphaned, " + JdbiAuditLog.columns("a") + """

                        from webhook_deliveries d join webhook_endpoints e on e.id = d.endpoint_id
                            join audit_events a on a.id = d.audit_event_id
                        where d.id in (<ids>) order by d.id""")
                .bindList("ids", ids)
                .map((rs, ctx) -> new ClaimedRow(
                        new DueDelivery(
                                rs.getLong("delivery_id"),
                                rs.getLong("endpoint_id"),
                                rs.getString("url"),
                                rs.getString("secret"),
                                WebhookEvent.of(JdbiAuditLog.recorded(rs)).orElseThrow(),
                                rs.getInt("attempts"),
                                leaseUntil),
                        rs.getBoolean("orphaned")))
                .list();
        List<Long> orphans = claimed.stream()
                .filter(ClaimedRow::orphaned)
                .map(row -> row.delivery().id())
                .toList();
        if (!orphans.isEmpty()) {
            handle.createUpdate("update webhook_deliveries set next_attempt_at = null where id in (<ids>)")
                    .bindList("ids", orphans)
                    .execute();
        }
        return new Batch(
                ids.size(),
                claimed.stream()
                        .filter(row -> !row.orphaned())
                        .map(ClaimedRow::delivery)
                        .toList());
    }

    private record Batch(int taken, List<DueDelivery> live) {}

    private record ClaimedRow(DueDelivery delivery, boolean orphaned) {}

    @Override
    public void delivered(List<Long> deliveryIds, int status, Instant now) {
        jdbi.useHandle(handle -> handle.createUpdate("""
                        update webhook_deliveries set attempts = attempts + 1, last_status = :status, last_error = null,
                            delivered_at = :now, next_attempt_at = null
                        where id in (<ids>)""")
                .bind("status", status)
                .bind("now", now)
                .bindList("ids", deliveryIds)
                .execute());
    }

    @Override
    public void attemptFailed(
            long deliveryId,
            Optional<Integer> status,
            Optional<String> error,
            Optional<Instant> nextAttemptAt,
            Instant now) {
        jdbi.useHandle(handle -> handle.createUpdate("""
                        update webhook_deliveries set attempts = attempts + 1, last_status = :status, last_error = :error,
                            next_attempt_at = :next, failed_at = :failedAt
                        where id = :id""")
                .bind("status", status.orElse(null))
                .bind("error", error.map(JdbiWebhookStore::fitted).orElse(null))
                .bind("next", nextAttemptAt.orElse(null))
                .bind("failedAt", nextAttemptAt.isPresent() ? null : now)
                .bind("id", deliveryId)
                .execute());
    }

    @Override
    public Page<WebhookDelivery> deliveries(long platformId, long endpointId, PageRequest page) {
        return jdbi.withHandle(handle -> JdbiPages.fetch(
                handle,
                "d.id as delivery_id, d.endpoint_id, e.secret, d.attempts, d.last_status, d.last_error, d.next_attempt_at,"
                        + " d.delivered_at, d.failed_at, " + JdbiAuditLog.columns("a"),
                "from webhook_deliveries d join webhook_endpoints e on e.id = d.endpoint_id"
                        + " join audit_events a on a.id = d.audit_event_id"
                        + " where d.endpoint_id = :endpointId and e.platform_id = :platformId",
                "d.audit_event_id desc",
                Map.of("endpointId", endpointId, "platformId", platformId),
                (rs, ctx) -> delivery(rs),
                page));
    }

    @Override
    public boolean retry(long platformId, long endpointId, long deliveryId, Instant now) {
        return jdbi.withHandle(handle -> handle.createUpdate("""
                        update webhook_deliveries set next_attempt_at = :now, failed_at = null
                        where id = :id and endpoint_id = :endpointId and endpoint_id in
                            (select e.id from webhook_endpoints e where e.platform_id = :platformId and e.deleted_at is null)""")
                        .bind("now", now)
                        .bind("id", deliveryId)
                        .bind("endpointId", endpointId)
                        .bind("platformId", platformId)
                        .execute())
                == 1;
    }

    private static WebhookEndpoint endpoint(ResultSet rs) throws SQLException {
        Set<WebhookEventType> events = Arrays.stream(rs.getString("events").split(","))
                .map(name -> WebhookEventType.ofWireName(name).orElseThrow())
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(WebhookEventType.class)));
        return new WebhookEndpoint(
                rs.getLong("id"),
                rs.getLong("platform_id"),
                rs.getString("url"),
                events,
                rs.getTimestamp("created_at").toInstant());
    }

    private static WebhookDelivery delivery(ResultSet rs) throws SQLException {
        int status = rs.getInt("last_status");
        Optional<Integer> lastStatus = rs.wasNull() ? Optional.empty() : Optional.of(status);
        WebhookEvent event = WebhookEvent.of(JdbiAuditLog.recorded(rs)).orElseThrow();
        return new WebhookDelivery(
                rs.getLong("delivery_id"),
                rs.getLong("endpoint_id"),
                WebhookSigning.messageId(rs.getString("secret"), event.auditEventId()),
                event.type(),
                event.timestamp(),
                rs.getInt("attempts"),
                lastStatus,
                Optional.ofNullable(rs.getString("last_error")),
                Columns.instant(rs, "next_attempt_at"),
                Columns.instant(rs, "delivered_at"),
                Columns.instant(rs, "failed_at"));
    }

    private static String wireNames(Set<WebhookEventType> events) {
        return events.stream().map(WebhookEventType::wireName).sorted().collect(Collectors.joining(","));
    }

    /** An error text fits its column; it is the sender's own words, never the receiver's. */
    private static String fitted(String error) {
        return error.length() <= 255 ? error : error.substring(0, 255);
    }
}
