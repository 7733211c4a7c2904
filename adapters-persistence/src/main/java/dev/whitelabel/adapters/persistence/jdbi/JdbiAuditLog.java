package dev.whitelabel.adapters.persistence.jdbi;

import dev.whitelabel.domain.model.AuditActor;
import dev.whitelabel.domain.model.AuditActor.Kind;
import dev.whitelabel.domain.model.AuditEvent;
import dev.whitelabel.domain.model.AuditEvent.AuditAction;
import dev.whitelabel.domain.model.Page;
import dev.whitelabel.domain.model.PageRequest;
import dev.whitelabel.domain.model.RecordedAuditEvent;
import dev.whitelabel.domain.port.out.AuditLog;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

final class JdbiAuditLog implements AuditLog {

    private final GuardedJdbi jdbi;

    JdbiAuditLog(GuardedJdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public long record(AuditEvent event) {
        return jdbi.withHandle(handle -> handle.createUpdate("""
                        insert into audit_events
                            (occurred_at, platform_id, actor_type, actor_user_id, actor_service_client_id,
                             target_user_id, action, token_id, token_count, service_client_id, webhook_endpoint_id)
                        values (:at, :platformId, :actorType, :actorUserId, :actorServiceClientId,
                                :targetUserId, :action, :tokenId, :tokenCount, :serviceClientId, :webhookId)""")
                .bind("at", event.at())
                .bind("platformId", event.platformId())
                .bind("actorType", event.actor().kind().name())
                .bind("actorUserId", event.actor().userId().orElse(null))
                .bind(
                        "actorServiceClientId",
                        event.actor().kind() == Kind.SERVICE_CLIENT
                                ? event.actor().id().orElseThrow()
                                : null)
                .bind("targetUserId", event.targetUserId().orElse(null))
                .bind("serviceClientId", event.serviceClientId().orElse(null))
                .bind("webhookId", event.webhookId().orElse(null))
                .bind("action", event.action().name())
                .bind("tokenId", event.tokenId().orElse(null))
                .bind("tokenCount", event.tokenCount())
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one());
    }

    @Override
    public Page<RecordedAuditEvent> list(long platformId, PageRequest page) {
        return jdbi.withHandle(handle -> JdbiPages.fetch(
                handle,
                columns("audit_events"),
                "from audit_events where platform_id = :platformId",
                "id desc",
                Map.of("platformId", platformId),
                (rs, ctx) -> recorded(rs),
                page));
    }

    /** The columns {@link #recorded} reads, of the audit_events table or alias {@code table}. */
    static String columns(String table) {
        return Stream.of(
                        "id",
                        "occurred_at",
                        "platform_id",
                        "actor_type",
                        "actor_user_id",
                        "actor_service_client_id",
                        "target_user_id",
                        "action",
                        "token_id",
                        "token_count",
                        "service_client_id",
                        "webhook_endpoint_id")
                .map(column -> table + "." + column)
                .collect(Collectors.joining(", "));
    }

    static RecordedAuditEvent recorded(ResultSet rs) throws SQLException {
        Kind actorKind = Kind.valueOf(rs.getString("actor_type"));
        Optional<Long> actorId = actorKind == Kind.SERVICE_CLIENT
                ? optionalLong(rs, "actor_service_client_id")
                : optionalLong(rs, "actor_user_id");
        return new RecordedAuditEvent(
                rs.getLong("id"),
                new AuditEvent(
                        rs.getTimestamp("occurred_at").toInstant(),
                        rs.getLong("platform_id"),
                        new AuditActor(actorKind, actorId),
                        optionalLong(rs, "target_user_id"),
                        AuditAction.valueOf(rs.getString("action")),
                        optionalLong(rs, "token_id"),
                        rs.getInt("token_count"),
                        optionalLong(rs, "service_client_id"),
                        optionalLong(rs, "webhook_endpoint_id")));
    }

    private static Optional<Long> optionalLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(value);
    }
}
