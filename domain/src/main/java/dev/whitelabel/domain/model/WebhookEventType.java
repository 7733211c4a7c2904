package dev.whitelabel.domain.model;

import dev.whitelabel.domain.model.AuditEvent.AuditAction;
import java.util.Optional;

/** What a webhook endpoint can be told of. */
public enum WebhookEventType {
    /**
     * One token ended: an admin's logout by token id, an API key deleted, a user's own logout, RFC
     * 7009, the session cap.
     */
    TOKEN_REVOKED,
    /**
     * Every token of a user ended at once, or every one but the caller's own: a logout, a password
     * change, the user disabled or deleted.
     */
    USER_LOGGED_OUT;

    /** The event an audited action is announced as, if it ends tokens. */
    public static Optional<WebhookEventType> announcing(AuditAction action) {
        return switch (action) {
            case LOGOUT_ALL, LOGOUT_OTHERS, PASSWORD_CHANGED, USER_DISABLED, USER_DELETED ->
                Optional.of(USER_LOGGED_OUT);
            case LOGOUT_TOKEN, TOKEN_REVOKED, TOKEN_EVICTED -> Optional.of(TOKEN_REVOKED);
            case TOKEN_CREATED,
                    SERVICE_CLIENT_CREATED,
                    SERVICE_CLIENT_DELETED,
                    USER_ENABLED,
                    WEBHOOK_DISABLED,
                    WEBHOOK_ENABLED -> Optional.empty();
        };
    }
}
