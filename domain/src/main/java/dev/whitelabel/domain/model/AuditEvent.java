package dev.whitelabel.domain.model;

import java.time.Instant;
import java.util.Optional;

/**
 * One entry of a platform's audit trail: who did what to whom (a user's tokens, a service client or
 * a webhook endpoint), and to how many tokens.
 */
public record AuditEvent(
        Instant at,
        long platformId,
        AuditActor actor,
        Optional<Long> targetUserId,
        AuditAction action,
        Optional<Long> tokenId,
        int tokenCount,
        Optional<Long> serviceClientId,
        Optional<Long> webhookId) {

    /**
     * What was done. An action that ends many tokens at once names in {@code tokenId} the one it kept,
     * if any; the account's own changes (password, disable, delete) are recorded with the tokens
     * they ended, so that the trail says why each token ended.
     */
    public enum AuditAction {
        /** Every token of the user but one, named by {@code tokenId}, that the caller keeps. */
        LOGOUT_OTHERS,
        LOGOUT_ALL,
        LOGOUT_TOKEN,
        TOKEN_CREATED,
        TOKEN_REVOKED,
        SERVICE_CLIENT_CREATED,
        SERVICE_CLIENT_DELETED,
        /** A new password; every token ended but the one that changed it, if the user did. */
        PASSWORD_CHANGED,
        USER_DISABLED,
        USER_ENABLED,
        /** The user's tokens ended and personal data removed; the trail keeps the ids. */
        USER_DELETED,
        /** The least recently used token, ended because issuing one more passed the platform's cap. */
        TOKEN_EVICTED,
        /** By the service itself: the endpoint had failed every attempt for as long as the operator allows. */
        WEBHOOK_DISABLED,
        WEBHOOK_ENABLED
    }

    /** Something done to {@code count} tokens of {@code target}: one of them when {@code tokenId} is given. */
    public static AuditEvent ofTokens(
            Instant at, Actor actor, User target, AuditAction action, Optional<Long> tokenId, int count) {
        return new AuditEvent(
                at,
                target.platformId(),
                actor.audited(),
                Optional.of(target.id()),
                action,
                tokenId,
                count,
                Optional.empty(),
                Optional.empty());
    }

    public static AuditEvent ofServiceClient(Instant at, Actor actor, long serviceClientId, AuditAction action) {
        return new AuditEvent(
                at,
                actor.platformId(),
                actor.audited(),
                Optional.empty(),
                action,
                Optional.empty(),
                0,
                Optional.of(serviceClientId),
                Optional.empty());
    }

    public static AuditEvent ofWebhook(
            Instant at, long platformId, AuditActor actor, long webhookId, AuditAction action) {
        return new AuditEvent(
                at,
                platformId,
                actor,
                Optional.empty(),
                action,
                Optional.empty(),
                0,
                Optional.empty(),
                Optional.of(webhookId));
    }
}
