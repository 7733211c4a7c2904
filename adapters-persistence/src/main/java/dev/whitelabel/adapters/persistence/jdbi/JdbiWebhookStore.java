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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jdbi.v3.core.Handle;

final class JdbiWebhookStore implements WebhookStore {

    /** Due rows read for each one a claim may take: room for the endpoints past their share among them. */
    private static final int SCANNED_PER_CLAIMED = 4;

    /** The columns {@link #endpoint} reads, of webhook_endpoints as {@code e}. */
    private static final String ENDPOINT =
            "e.id, e.platform_id, e.url, e.events, e.created_at, e.failing_since, e.disabled_at";

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
                .bind("events", storedNames(endpoint.events()))
                .bind("secret", endpoint.secret())
                .bind("createdAt", endpoint.createdAt())
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one());
        return new WebhookEndpoint(
                id,
                endpoint.platformId(),
                endpoint.url(),
                endpoint.events(),
                endpoint.createdAt(),
                Optional.empty(),
                Optional.empty());
    }

    @Override
    public List<WebhookEndpoint> list(long platformId) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "select " + ENDPOINT
                                + " from webhook_endpoints e where e.platform_id = :platformId and e.deleted_at is null order by e.id")
                .bind("platformId", platformId)
                .map((rs, ctx) -> endpoint(rs))
                .list());
    }

    @Override
    public Optional<WebhookEndpoint> find(long platformId, long endpointId) {
        return jdbi.withHandle(handle -> handle.createQuery("select " + ENDPOINT + " from webhook_endpoints e"
                        + " where e.id = :id and e.platform_id = :platformId and e.deleted_at is null")
                .bind("id", endpointId)
                .bind("platformId", platformId)
                .map((rs, ctx) -> endpoint(rs))
                .findOne());
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
    public List<Long> enqueue(long platformId, WebhookEventType type, long auditEventId, Instant due) {
        // events is a comma-separated list of stored names: framed in commas, one type is one exact match
        return jdbi.withHandle(handle -> handle.createUpdate("""
                        insert into webhook_deliveries (endpoint_id, audit_event_id, next_attempt_at)
                        select id, :auditEventId, :due from webhook_endpoints
                        where platform_id = :platformId and deleted_at is null and ',' || events || ',' like :framedType""")
                .bind("platformId", platformId)
                .bind("framedType", "%," + StoredNames.of(type) + ",%")
                .bind("auditEventId", auditEventId)
                .bind("due", due)
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .list());
    }

    @Override
    public List<DueDelivery> claimedAtWrite(List<Long> deliveryIds, Instant now) {
        if (deliveryIds.isEmpty()) {
            return List.of();
        }
        return jdbi.inTransaction(handle -> leased(handle, deliveryIds, now).live());
    }

    @Override
    public List<DueDelivery> claimDue(DeliveryClaim claim) {
        return jdbi.inTransaction(handle -> {
            // a batch of nothing but deleted or disabled endpoints' deliveries says nothing of what else is due
            while (true) {
                Batch batch = claimBatch(handle, claim);
                if (!batch.live().isEmpty() || batch.taken() < claim.limit()) {
                    return batch.live();
                }
            }
        });
    }

    /**
     * Due deliveries within the claim's limits: those of live endpoints leased, those of deleted ones ended
     * and those of disabled ones held, alike: with no next attempt, so that no claim reads them again.
     */
    private static Batch claimBatch(Handle handle, DeliveryClaim claim) {
        List<Long> chosen = chosen(handle, claim);
        if (chosen.isEmpty()) {
            return new Batch(0, List.of());
        }
        // one table locked, rows other claimers hold skipped, the due time checked again once a row is
        // locked: instances never claim the same delivery
        List<Long> ids = handle.createQuery("""
                        select id from webhook_deliveries where id = any(:chosen) and next_attempt_at <= :now
                        order by next_attempt_at for update skip locked""")
                .bind("now", claim.now())
                .bindArray("chosen", Long.class, chosen)
                .mapTo(Long.class)
                .list();
        if (ids.isEmpty()) {
            return new Batch(0, List.of());
        }
        handle.createUpdate("update webhook_deliveries set next_attempt_at = :lease where id = any(:ids)")
                .bind("lease", claim.leaseUntil())
                .bindArray("ids", Long.class, ids)
                .execute();
        return leased(handle, ids, claim.now());
    }

    /**
     * Those of the deliveries {@code ids} still leased at {@code now}, with what sending them takes and
     * their lease: those of live endpoints; those of deleted or disabled ones are put out of every
     * claim's reach.
     */
    private static Batch leased(Handle handle, List<Long> ids, Instant now) {
        List<ClaimedRow> claimed = handle.createQuery(
                        "select d.id as delivery_id, d.endpoint_id, e.url, e.secret, d.attempts, d.next_attempt_at,"
                                + " (e.deleted_at is not null or e.disabled_at is not null) as withheld,"
                                + " e.failing_since is not null as failing, "
                                + JdbiAuditLog.columns("a") + """

                        from webhook_deliveries d join webhook_endpoints e on e.id = d.endpoint_id
                            join audit_events a on a.id = d.audit_event_id
                        where d.id = any(:ids) and d.next_attempt_at > :now order by d.id""")
                .bindArray("ids", Long.class, ids)
                .bind("now", now)
                .map((rs, ctx) -> new ClaimedRow(
                        new DueDelivery(
                                rs.getLong("delivery_id"),
                                rs.getLong("endpoint_id"),
                                rs.getString("url"),
                                rs.getString("secret"),
                                WebhookEvent.of(JdbiAuditLog.recorded(rs)).orElseThrow(),
                                rs.getInt("attempts"),
                                rs.getTimestamp("next_attempt_at").toInstant(),
                                rs.getBoolean("failing")),
                        rs.getBoolean("withheld")))
                .list();
        List<Long> withheld = claimed.stream()
                .filter(ClaimedRow::withheld)
                .map(row -> row.delivery().id())
                .toList();
        if (!withheld.isEmpty()) {
            handle.createUpdate("update webhook_deliveries set next_attempt_at = null where id = any(:ids)")
                    .bindArray("ids", Long.class, withheld)
                    .execute();
        }
        return new Batch(
                ids.size(),
                claimed.stream()
                        .filter(row -> !row.withheld())
                        .map(ClaimedRow::delivery)
                        .toList());
    }

    private record Batch(int taken, List<DueDelivery> live) {}

    private record ClaimedRow(DueDelivery delivery, boolean withheld) {}

    /**
     * The due deliveries a claim takes, before locking: the oldest due rows first, read through the index
     * on the due time (a few claims' worth, never the whole backlog), each endpoint's share of them picked
     * here, so that one endpoint's backlog cannot fill a claim. When those rows are mostly of endpoints
     * past their share, other endpoints' due rows may wait behind them: those are then looked up endpoint
     * by endpoint, oldest first, so that a slow endpoint's backlog never holds up another's deliveries.
     */
    private static List<Long> chosen(Handle handle, DeliveryClaim claim) {
        int scan = claim.limit() * SCANNED_PER_CLAIMED;
        List<long[]> oldest = handle.createQuery("select id, endpoint_id from webhook_deliveries"
                        + " where next_attempt_at <= :now order by next_attempt_at limit :scan")
                .bind("now", claim.now())
                .bind("scan", scan)
                .map((rs, ctx) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .list();
        Map<Long, Integer> perEndpoint = new HashMap<>();
        List<Long> chosen = oldest.stream()
                .filter(row -> perEndpoint.merge(row[1], 1, Integer::sum) <= claim.shareOf(row[1]))
                .limit(claim.limit())
                .map(row -> row[0])
                .collect(Collectors.toCollection(ArrayList::new));
        if (oldest.size() == scan && chosen.size() < claim.limit()) {
            Set<Long> met = new HashSet<>(claim.skippedEndpoints());
            oldest.forEach(row -> met.add(row[1]));
            chosen.addAll(behind(handle, claim, met, claim.limit() - chosen.size()));
        }
        return chosen;
    }

    /** Up to {@code room} due deliveries of endpoints not {@code met}: each endpoint's oldest, its share at most. */
    private static List<Long> behind(Handle handle, DeliveryClaim claim, Set<Long> met, int room) {
        List<Long> endpoints = handle.createQuery("""
                        select id from (
                            select e.id, (select min(d.next_attempt_at) from webhook_deliveries d
                                          where d.endpoint_id = e.id and d.next_attempt_at <= :now) as oldest
                            from webhook_endpoints e where e.id <> all(:met)) due
                        where oldest is not null order by oldest limit :room""")
                .bind("now", claim.now())
                .bindArray("met", Long.class, List.copyOf(met))
                .bind("room", room)
                .mapTo(Long.class)
                .list();
        if (endpoints.isEmpty()) {
            return List.of();
        }
        StringBuilder eachOldest = new StringBuilder();
        for (int i = 0; i < endpoints.size(); i++) {
            eachOldest
                    .append(i == 0 ? "" : " union all ")
                    .append("(select id from webhook_deliveries where endpoint_id = :endpoint")
                    .append(i)
                    .append(" and next_attempt_at <= :now order by next_attempt_at limit :share")
                    .append(i)
                    .append(")");
        }
        var rows = handle.createQuery(eachOldest.toString()).bind("now", claim.now());
        for (int i = 0; i < endpoints.size(); i++) {
            rows.bind("endpoint" + i, endpoints.get(i)).bind("share" + i, claim.shareOf(endpoints.get(i)));
        }
        return rows.mapTo(Long.class).stream().limit(room).toList();
    }

    @Override
    public void delivered(List<Long> deliveryIds, int status, Instant now) {
        jdbi.useHandle(handle -> handle.createUpdate("""
                        update webhook_deliveries set attempts = attempts + 1, last_status = :status, last_error = null,
                            delivered_at = :now, next_attempt_at = null
                        where id = any(:ids)""")
                .bind("status", status)
                .bind("now", now)
                .bindArray("ids", Long.class, deliveryIds)
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

    /**
     * One read of the endpoints by id; an endpoint's row is written only when it starts or stops failing,
     * or is disabled, so that a round of deliveries to sound receivers writes nothing here. Each write
     * names its rows in id order, so that two instances recording failures of the same endpoints at once
     * (a receiver host down) take their locks in the same order and do not deadlock; each disables a row
     * only if it still may be, so that only one of them disables it.
     */
    @Override
    public List<WebhookEndpoint> endpointsAnswered(
            Set<Long> answeredEndpoints, Set<Long> failedEndpoints, Instant disableIfFailingSince, Instant now) {
        if (answeredEndpoints.isEmpty() && failedEndpoints.isEmpty()) {
            return List.of();
        }
        return jdbi.withHandle(handle -> {
            Map<Long, WebhookEndpoint> answered = new TreeMap<>();
            Map<Long, WebhookEndpoint> failing = new TreeMap<>();
            handle.createQuery("select " + ENDPOINT + " from webhook_endpoints e where e.id = any(:ids)"
                            + " and e.deleted_at is null")
                    .bindArray("ids", Long.class, List.copyOf(union(answeredEndpoints, failedEndpoints)))
                    .map((rs, ctx) -> endpoint(rs))
                    .forEach(endpoint -> (answeredEndpoints.contains(endpoint.id()) ? answered : failing)
                            .put(endpoint.id(), endpoint));
            setFailingSince(
                    handle,
                    Optional.of(now),
                    failing.values().stream()
                            .filter(endpoint -> endpoint.failingSince().isEmpty()));
            setFailingSince(
                    handle,
                    Optional.empty(),
                    answered.values().stream()
                            .filter(endpoint -> endpoint.failingSince().isPresent()));
            List<WebhookEndpoint> disabled = new ArrayList<>();
            for (WebhookEndpoint endpoint : failing.values()) {
                Instant since = endpoint.failingSince().orElse(now);
                if (endpoint.disabledAt().isEmpty()
                        && !since.isAfter(disableIfFailingSince)
                        && disable(handle, endpoint.id(), now)) {
                    disabled.add(endpoint.withFailure(Optional.of(since), Optional.of(now)));
                }
            }
            return disabled;
        });
    }

    private static Set<Long> union(Set<Long> some, Set<Long> others) {
        Set<Long> both = new HashSet<>(some);
        both.addAll(others);
        return both;
    }

    /** Failing since then, or no longer when empty, where it was not already. */
    private static void setFailingSince(Handle handle, Optional<Instant> since, Stream<WebhookEndpoint> endpoints) {
        List<Long> ids = endpoints.map(WebhookEndpoint::id).toList();
        if (!ids.isEmpty()) {
            handle.createUpdate("update webhook_endpoints set failing_since = :since where id = any(:ids)"
                            + " and failing_since is " + (since.isPresent() ? "null" : "not null"))
                    .bind("since", since.orElse(null))
                    .bindArray("ids", Long.class, ids)
                    .execute();
        }
    }

    /**
     * True when this transaction disabled it: no other did first, and no success ended its failing
     * meanwhile. How long it has failed was judged by the caller, on the time it read: the column keeps
     * microseconds, which a clock finer than that would not compare equal to.
     */
    private static boolean disable(Handle handle, long endpointId, Instant now) {
        return handle.createUpdate("""
                        update webhook_endpoints set disabled_at = :now
                        where id = :id and disabled_at is null and deleted_at is null and failing_since is not null""").bind("now", now).bind("id", endpointId).execute() == 1;
    }

    @Override
    public boolean enable(long platformId, long endpointId) {
        return jdbi.withHandle(handle -> handle.createUpdate("""
                                update webhook_endpoints set disabled_at = null, failing_since = null
                                where id = :id and platform_id = :platformId and deleted_at is null
                                  and disabled_at is not null""")
                        .bind("id", endpointId)
                        .bind("platformId", platformId)
                        .execute())
                == 1;
    }

    /**
     * Due ones too, not only those held: a claim that read the endpoint as disabled may be holding one
     * it met due, and this statement then waits for that claim's commit and reads the row again.
     */
    @Override
    public int resume(long platformId, long endpointId, Instant now) {
        return jdbi.withHandle(handle -> handle.createUpdate("""
                        update webhook_deliveries set next_attempt_at = :now
                        where endpoint_id = :endpointId and delivered_at is null and failed_at is null
                          and (next_attempt_at is null or next_attempt_at <= :now)
                          and endpoint_id in (select e.id from webhook_endpoints e where e.platform_id = :platformId
                              and e.deleted_at is null and e.disabled_at is null)""")
                .bind("now", now)
                .bind("endpointId", endpointId)
                .bind("platformId", platformId)
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
                .map(name -> StoredNames.eventType(name))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(WebhookEventType.class)));
        return new WebhookEndpoint(
                rs.getLong("id"),
                rs.getLong("platform_id"),
                rs.getString("url"),
                events,
                rs.getTimestamp("created_at").toInstant(),
                Columns.instant(rs, "failing_since"),
                Columns.instant(rs, "disabled_at"));
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

    private static String storedNames(Set<WebhookEventType> events) {
        return events.stream().map(StoredNames::of).sorted().collect(Collectors.joining(","));
    }

    /** An error text fits its column; it is the sender's own words, never the receiver's. */
    private static String fitted(String error) {
        return error.length() <= 255 ? error : error.substring(0, 255);
    }
}
