package dev.whitelabel.domain.model;

import dev.whitelabel.domain.model.AuditEvent.AuditAction;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The security events a platform transmits to its Shared Signals streams: CAEP's session and
 * credential events, RISC's account events, and the framework's own verification and stream-updated
 * events. The adapters name each by its URI.
 */
public enum SecurityEventType {
    SESSION_REVOKED,
    CREDENTIAL_CHANGE,
    ACCOUNT_DISABLED,
    ACCOUNT_ENABLED,
    ACCOUNT_PURGED,
    /** Asked for by a receiver, on its own stream only: never requested, always delivered. */
    VERIFICATION,
    /** A stream's status changed by its transmitter, on that stream only: never requested, always delivered. */
    STREAM_UPDATED;

    /** What a stream may request. */
    public static final Set<SecurityEventType> REQUESTABLE =
            EnumSet.complementOf(EnumSet.of(VERIFICATION, STREAM_UPDATED));

    /**
     * The events an audited action is told as: the account's own change first, then the end of its
     * sessions when tokens ended, so that a receiver reads why before what. Empty for actions no
     * receiver is told of (issuing a token, managing service clients and webhooks).
     */
    public static List<SecurityEventType> announcing(AuditEvent event) {
        List<SecurityEventType> types = new ArrayList<>(2);
        switch (event.action()) {
            case PASSWORD_CHANGED -> types.add(CREDENTIAL_CHANGE);
            case USER_DISABLED -> types.add(ACCOUNT_DISABLED);
            case USER_ENABLED -> types.add(ACCOUNT_ENABLED);
            case USER_DELETED -> types.add(ACCOUNT_PURGED);
            default -> {}
        }
        if (endsSessions(event.action()) && event.tokenCount() > 0) {
            types.add(SESSION_REVOKED);
        }
        return types;
    }

    private static boolean endsSessions(AuditAction action) {
        return switch (action) {
            case LOGOUT_ALL, LOGOUT_OTHERS, LOGOUT_TOKEN, TOKEN_REVOKED, TOKEN_EVICTED -> true;
            case PASSWORD_CHANGED, USER_DISABLED, USER_DELETED -> true;
            default -> false;
        };
    }
}
