package dev.whitelabel.adapters.persistence.jdbi;

import dev.whitelabel.domain.model.SecurityEventType;
import dev.whitelabel.domain.model.SessionCap;
import dev.whitelabel.domain.model.StreamDelivery;
import dev.whitelabel.domain.model.StreamStatus;
import dev.whitelabel.domain.model.WebhookEventType;
import java.util.Arrays;

/**
 * The names the database stores for the domain's choices. They are the tables' own: rows written
 * since the first migration hold them, whatever the API calls the same choices.
 */
final class StoredNames {

    private StoredNames() {}

    static String of(WebhookEventType type) {
        return switch (type) {
            case TOKEN_REVOKED -> "token.revoked";
            case USER_LOGGED_OUT -> "user.logged_out";
        };
    }

    static WebhookEventType eventType(String stored) {
        return Arrays.stream(WebhookEventType.values())
                .filter(type -> of(type).equals(stored))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no event type is stored as " + stored));
    }

    static String of(SessionCap.Policy policy) {
        return switch (policy) {
            case EVICT_OLDEST -> "evict_oldest";
            case REJECT -> "reject";
        };
    }

    static SessionCap.Policy policy(String stored) {
        return Arrays.stream(SessionCap.Policy.values())
                .filter(policy -> of(policy).equals(stored))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no session cap policy is stored as " + stored));
    }

    /** Kebab-case, as the last segment of the event's URI: no {@code _}, which LIKE reads as any character. */
    static String of(SecurityEventType type) {
        return switch (type) {
            case SESSION_REVOKED -> "session-revoked";
            case CREDENTIAL_CHANGE -> "credential-change";
            case ACCOUNT_DISABLED -> "account-disabled";
            case ACCOUNT_ENABLED -> "account-enabled";
            case ACCOUNT_PURGED -> "account-purged";
            case VERIFICATION -> "verification";
            case STREAM_UPDATED -> "stream-updated";
        };
    }

    static SecurityEventType securityEventType(String stored) {
        return Arrays.stream(SecurityEventType.values())
                .filter(type -> of(type).equals(stored))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no security event type is stored as " + stored));
    }

    static String of(StreamStatus status) {
        return switch (status) {
            case ENABLED -> "enabled";
            case PAUSED -> "paused";
            case DISABLED -> "disabled";
        };
    }

    static StreamStatus streamStatus(String stored) {
        return Arrays.stream(StreamStatus.values())
                .filter(status -> of(status).equals(stored))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no stream status is stored as " + stored));
    }

    static String of(StreamDelivery.Method method) {
        return switch (method) {
            case PUSH -> "push";
            case POLL -> "poll";
        };
    }

    static StreamDelivery.Method deliveryMethod(String stored) {
        return Arrays.stream(StreamDelivery.Method.values())
                .filter(method -> of(method).equals(stored))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no delivery method is stored as " + stored));
    }
}
