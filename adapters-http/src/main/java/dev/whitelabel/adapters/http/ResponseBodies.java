package dev.whitelabel.adapters.http;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.whitelabel.domain.model.AuditActor;
import dev.whitelabel.domain.model.AuthenticatedUser;
import dev.whitelabel.domain.model.IssuedToken;
import dev.whitelabel.domain.model.RecordedAuditEvent;
import dev.whitelabel.domain.model.SessionCap;
import dev.whitelabel.domain.model.TokenSummary;
import dev.whitelabel.domain.model.User;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON bodies the API answers with; field names are written in snake_case, times in ISO-8601 UTC.
 * Public for the messages the command line prints too.
 */
public final class ResponseBodies {

    /**
     * What an admin's logout answers, as the public API document words it; {@code user logout} on
     * the command line prints the same body.
     */
    public static final String ADMIN_LOGOUT_MESSAGE = "User logged out successfully.";

    /** What enabling a webhook endpoint answers; {@code webhook enable} prints it too. */
    public static final String WEBHOOK_ENABLED_MESSAGE = "Webhook enabled successfully.";

    private ResponseBodies() {}

    record Message(String message) {}

    record Error(String error) {}

    record Validation(String message, Map<String, List<String>> errors) {}

    record LoggedOut(String message, int revokedTokens) {}

    record UserSummary(long id, String name, String email) {
        static UserSummary of(User user) {
            return new UserSummary(user.id(), user.name(), user.email());
        }
    }

    /** Who holds the token of the request, and what that token may do. */
    record Me(long id, String name, String email, CurrentToken token) {
        static Me of(AuthenticatedUser caller) {
            var user = caller.user();
            return new Me(
                    user.id(),
                    user.name(),
                    user.email(),
                    new CurrentToken(caller.tokenId(), caller.abilities().names()));
        }
    }

    record CurrentToken(long id, List<String> abilities) {}

    record Registered(String message, UserSummary user, String token, List<String> abilities) {}

    record TokenIssued(String message, UserSummary user, String token, String tokenName, List<String> abilities) {
        static TokenIssued of(String message, User user, IssuedToken token) {
            return new TokenIssued(
                    message,
                    UserSummary.of(user),
                    token.token().value(),
                    token.name(),
                    token.abilities().names());
        }
    }

    record ListedUser(long id, String name, String email, String createdAt, String disabledAt) {
        static ListedUser of(User user) {
            return new ListedUser(
                    user.id(), user.name(), user.email(), user.createdAt().toString(), time(user.disabledAt()));
        }
    }

    record ListedToken(
            long id,
            String name,
            String createdAt,
            String lastUsedAt,
            String expiresAt,
            String revokedAt,
            String deviceName,
            String userAgent,
            String ipAddress,
            String lastUsedIp,
            List<String> abilities) {
        static ListedToken of(TokenSummary token) {
            var device = token.device();
            return new ListedToken(
                    token.id(),
                    token.name(),
                    token.createdAt().toString(),
                    time(token.lastUsedAt()),
                    time(token.expiresAt()),
                    time(token.revokedAt()),
                    device.name().orElse(null),
                    device.userAgent().orElse(null),
                    device.ipAddress().orElse(null),
                    token.lastUsedIp().orElse(null),
                    token.abilities().names());
        }
    }

    /** One of the caller's own tokens; {@code current} marks the one making the request. */
    record OwnToken(@JsonUnwrapped ListedToken token, boolean current) {
        static OwnToken of(TokenSummary token, long currentTokenId) {
            return new OwnToken(ListedToken.of(token), token.id() == currentTokenId);
        }
    }

    record ListedAuditEvent(
            long id,
            String occurredAt,
            String action,
            String actorType,
            Long actorUserId,
            Long actorServiceClientId,
            Long targetUserId,
            Long tokenId,
            int tokenCount,
            Long serviceClientId,
            Long webhookId) {
        static ListedAuditEvent of(RecordedAuditEvent recorded) {
            var event = recorded.event();
            var actor = event.actor();
            Long serviceClientActor =
                    actor.kind() == AuditActor.Kind.SERVICE_CLIENT ? actor.id().orElseThrow() : null;
            return new ListedAuditEvent(
                    recorded.id(),
                    event.at().toString(),
                    lowerCase(event.action().name()),
                    lowerCase(actor.kind().name()),
                    actor.userId().orElse(null),
                    serviceClientActor,
                    event.targetUserId().orElse(null),
                    event.tokenId().orElse(null),
                    event.tokenCount(),
                    event.serviceClientId().orElse(null),
                    event.webhookId().orElse(null));
        }

        private static String lowerCase(String name) {
            return name.toLowerCase(Locale.ROOT);
        }
    }

    record Settings(Integer maxTokensPerUser, String sessionCapPolicy) {
        static Settings of(SessionCap cap) {
            return new Settings(
                    cap.maxTokensPerUser().isPresent() ? cap.maxTokensPerUser().getAsInt() : null,
                    WireNames.of(cap.policy()));
        }
    }

    record SettingsRead(Settings settings) {}

    record SettingsChanged(String message, Settings settings) {}

    record ApiKeyCreated(String message, CreatedKey apiKey) {}

    record CreatedKey(long id, String name, String token, String createdAt, List<String> abilities) {}

    record ApiKeys(List<ListedKey> apiKeys) {}

    record ListedKey(long id, String name, String lastUsedAt, String createdAt, List<String> abilities) {
        static ListedKey of(TokenSummary token) {
            return new ListedKey(
                    token.id(),
                    token.name(),
                    time(token.lastUsedAt()),
                    token.createdAt().toString(),
                    token.abilities().names());
        }
    }

    private static String time(Optional<Instant> instant) {
        return instant.map(Instant::toString).orElse(null);
    }
}
