package dev.whitelabel.adapters.persistence.jdbi;

import dev.whitelabel.domain.model.AuditEvent;
import dev.whitelabel.domain.port.out.AuditLog;
import org.jdbi.v3.core.Jdbi;

final class JdbiAuditLog implements AuditLog {

    private final Jdbi jdbi;

    JdbiAuditLog(Jdbi jdbi) {
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
}
