package dev.whitelabel.adapters.persistence.jdbi;

import dev.whitelabel.domain.model.SessionCap;
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
}
