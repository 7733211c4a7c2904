package dev.whitelabel.adapters.persistence.jdbi;

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

final class JdbiAuditLog implements AuditLog {

    private final GuardedJdbi jdbi;

    JdbiAuditLog(GuardedJdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void record(AuditEvent event) {
        jdbi.useHandle(handle -> handle.createUpdate("""
                        insert into audit_events
                            (occurred_at, platform_id, actor_user_id, target_user_id, action, token_id, token_count)
                        values (:at, :platformId, :actorUserId, :targetUserId, :action, :tokenId, :tokenCount)""")
                .bind("at", event.at())
                .bind("platformId", event.platformId())
                .bind("actorUserId", event.actorUserId().orElse(null))
                .bind("targetUserId", event.targetUserId())
                .bind("action", event.action().name())
                .bind("tokenId", event.tokenId().orElse(null))
                .bind("tokenCount", event.tokenCount())
                .execute());
    }

    @Override
    public Page<RecordedAuditEvent> list(long platformId, PageRequest page) {
        return jdbi.withHandle(handle -> JdbiPages.fetch(
                handle,
                "id, occurred_at, platform_id, actor_user_id, target_user_id, action, token_id, token_count",
                "from audit_events where platform_id = :platformId",
                "id desc",
                Map.of("platformId", platformId),
                (rs, ctx) -> event(rs),
                page));
    }

    private static RecordedAuditEvent event(ResultSet rs) throws SQLException {
        return new RecordedAuditEvent(rs.getLong("id"), new AuditEvent(
                rs.getTimestamp("occurred_at").toInstant(),
                rs.getLong("platform_id"),
                optionalLong(rs, "actor_user_id"),
                rs.getLong("target_user_id"),
                AuditAction.valueOf(rs.getString("action")),
                optionalLong(rs, "token_id"),
                rs.getInt("token_count")));
    }

    private static Optional<Long> optionalLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(value);
    }
}
