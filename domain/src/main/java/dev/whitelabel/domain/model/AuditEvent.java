package dev.whitelabel.domain.model;

import java.time.Instant;
import java.util.Optional;

/** One entry of a platform's audit trail: who did what to whom, and to how many tokens. */
public record AuditEvent(
        Instant at,
        long platformId,
        Optional<Long> actorUserId,
        long targetUserId,
        AuditAction action,
        Optional<Long> tokenId,
        int tokenCount) {

    public enum AuditAction { LOGOUT_ALL, LOGOUT_TOKEN, TOKEN_CREATED, TOKEN_REVOKED }
}
