package dev.whitelabel.domain.model;

import dev.whitelabel.domain.model.AuditEvent.AuditAction;
import java.time.Instant;
import java.util.Optional;

/**
 * One security event of a platform, as its streams' receivers are told of it: what happened to which
 * user (by id and email, captured when it happened, since a purged account keeps neither), to which of
 * their tokens, and the audit event it came from ({@code transaction}, shared by every event of one
 * change). A session-revoked event names the token it ended ({@code tokenId}), or the one it kept
 * ({@code keptTokenId}), or neither when every session ended. A verification event names no user and
 * carries the receiver's {@code state}; a stream-updated event names no user and carries the stream's
 * new status ({@code statusChange}).
 */
public record SecurityEvent(
        SecurityEventType type,
        Instant occurredAt,
        long platformId,
        Optional<Long> userId,
        Optional<String> email,
        Optional<Long> tokenId,
        Optional<Long> keptTokenId,
        Optional<Long> transaction,
        Optional<String> state,
        Optional<StatusChange> statusChange) {

    /** A stream's new status and why, as its transmitter set it. */
    public record StatusChange(StreamStatus status, Optional<String> reason) {}

    /** The event of {@code type} that the audited change to {@code user} is told as. */
    public static SecurityEvent of(SecurityEventType type, RecordedAuditEvent recorded, User user) {
        AuditEvent event = recorded.event();
        boolean oneToken = event.action() == AuditAction.LOGOUT_TOKEN
                || event.action() == AuditAction.TOKEN_REVOKED
                || event.action() == AuditAction.TOKEN_EVICTED;
        boolean sessions = type == SecurityEventType.SESSION_REVOKED;
        return new SecurityEvent(
                type,
                event.at(),
                event.platformId(),
                Optional.of(user.id()),
                Optional.of(user.email()),
                sessions && oneToken ? event.tokenId() : Optional.empty(),
                sessions && !oneToken ? event.tokenId() : Optional.empty(),
                Optional.of(recorded.id()),
                Optional.empty(),
                Optional.empty());
    }

    /** The verification event a receiver asked for, echoing its {@code state} if it gave one. */
    public static SecurityEvent verification(long platformId, Optional<String> state, Instant now) {
        return ofStream(SecurityEventType.VERIFICATION, platformId, now, state, Optional.empty());
    }

    /**
     * What a stream's receiver is told when the transmitter's side (an admin, the operator), not the
     * receiver, changed the stream's status (SSF 1.0 section 8.1.5).
     */
    public static SecurityEvent streamUpdated(long platformId, StatusChange change, Instant now) {
        return ofStream(SecurityEventType.STREAM_UPDATED, platformId, now, Optional.empty(), Optional.of(change));
    }

    /** An event of the stream itself: no user, token or audited change. */
    private static SecurityEvent ofStream(
            SecurityEventType type,
            long platformId,
            Instant now,
            Optional<String> state,
            Optional<StatusChange> statusChange) {
        return new SecurityEvent(
                type,
                now,
                platformId,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                state,
                statusChange);
    }
}
