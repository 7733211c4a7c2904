package dev.whitelabel.adapters.http;

import dev.whitelabel.domain.error.Input;
import dev.whitelabel.domain.error.InvalidInput;
import dev.whitelabel.domain.error.Violation.Rule;
import dev.whitelabel.domain.model.SessionCap;
import dev.whitelabel.domain.model.StreamStatus;
import dev.whitelabel.domain.model.WebhookEventType;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The names the API, the command line and webhook receivers read for the domain's choices: an
 * event's Standard Webhooks {@code type}, a session cap's policy. The database keeps names of its own.
 */
public final class WireNames {

    private WireNames() {}

    public static String of(WebhookEventType type) {
        return switch (type) {
            case TOKEN_REVOKED -> "token.revoked";
            case USER_LOGGED_OUT -> "user.logged_out";
        };
    }

    public static Optional<WebhookEventType> eventType(String name) {
        return Arrays.stream(WebhookEventType.values())
                .filter(type -> of(type).equals(name))
                .findFirst();
    }

    /** A stream's status as SSF 1.0 names it, in the status endpoint's answers and in stream-updated events. */
    public static String of(StreamStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }

    public static String of(SessionCap.Policy policy) {
        return switch (policy) {
            case EVICT_OLDEST -> "evict_oldest";
            case REJECT -> "reject";
        };
    }

    /** The policy named, or the error of the {@code session_cap_policy} field. */
    public static SessionCap.Policy policy(String name) {
        return Arrays.stream(SessionCap.Policy.values())
                .filter(policy -> of(policy).equals(name))
                .findFirst()
                .orElseThrow(() -> InvalidInput.of(Input.SESSION_CAP_POLICY, Rule.NOT_ONE_OF_THE_CHOICES));
    }
}
