package dev.whitelabel.bootstrap;

import dev.whitelabel.adapters.http.ResponseBodies;
import dev.whitelabel.adapters.http.WireNames;
import dev.whitelabel.adapters.http.ssf.SecurityEventNames;
import dev.whitelabel.domain.model.EventStream;
import dev.whitelabel.domain.model.IssuedToken;
import dev.whitelabel.domain.model.Platform;
import dev.whitelabel.domain.model.PlatformCreated;
import dev.whitelabel.domain.model.ServiceClientCreated;
import dev.whitelabel.domain.model.SessionCap;
import dev.whitelabel.domain.model.User;
import dev.whitelabel.domain.model.WebhookEnabled;
import dev.whitelabel.domain.model.WebhookEndpointCreated;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The JSON the command line prints, as the contract spells it. */
final class CommandResults {

    private CommandResults() {}

    record PlatformSummary(long id, String name) {
        static PlatformSummary of(Platform platform) {
            return new PlatformSummary(platform.id(), platform.name());
        }
    }

    record UserSummary(long id, String name, String email) {
        static UserSummary of(User user) {
            return new UserSummary(user.id(), user.name(), user.email());
        }
    }

    record PlatformCreatedResult(PlatformSummary platform, UserSummary admin, String token) {
        static PlatformCreatedResult of(PlatformCreated created) {
            return new PlatformCreatedResult(
                    PlatformSummary.of(created.platform()),
                    UserSummary.of(created.admin()),
                    created.adminToken().token().value());
        }
    }

    record TokenCreatedResult(long tokenId, String token, String tokenName, List<String> abilities) {
        static TokenCreatedResult of(IssuedToken issued) {
            return new TokenCreatedResult(
                    issued.tokenId(),
                    issued.token().value(),
                    issued.name(),
                    issued.abilities().names());
        }
    }

    record ServiceClientCreatedResult(long id, String name, String clientId, String clientSecret, String createdAt) {
        static ServiceClientCreatedResult of(ServiceClientCreated created) {
            var client = created.client();
            return new ServiceClientCreatedResult(
                    client.id(),
                    client.name(),
                    client.clientId(),
                    created.secret(),
                    client.createdAt().toString());
        }
    }

    record WebhookCreatedResult(long id, String url, List<String> events, String createdAt, String secret) {
        static WebhookCreatedResult of(WebhookEndpointCreated created) {
            var endpoint = created.endpoint();
            return new WebhookCreatedResult(
                    endpoint.id(),
                    endpoint.url(),
                    endpoint.events().stream().map(WireNames::of).sorted().toList(),
                    endpoint.createdAt().toString(),
                    created.secret());
        }
    }

    record WebhookEnabledResult(String message, long id, String url, int resumedDeliveries) {
        static WebhookEnabledResult of(WebhookEnabled enabled) {
            return new WebhookEnabledResult(
                    ResponseBodies.WEBHOOK_ENABLED_MESSAGE,
                    enabled.endpoint().id(),
                    enabled.endpoint().url(),
                    enabled.resumedDeliveries());
        }
    }

    record StreamResult(
            String streamId,
            String aud,
            String status,
            String deliveryMethod,
            String endpointUrl,
            List<String> events,
            String description) {
        static StreamResult of(EventStream stream) {
            return new StreamResult(
                    Long.toString(stream.id()),
                    stream.audience(),
                    stream.status().name().toLowerCase(Locale.ROOT),
                    stream.delivery().method().name().toLowerCase(Locale.ROOT),
                    stream.delivery().endpointUrl().orElse(null),
                    stream.eventsDelivered().stream()
                            .map(SecurityEventNames::of)
                            .toList(),
                    stream.description().orElse(null));
        }
    }

    record Streams(List<StreamResult> streams) {}

    record StreamDeleted(String message) {}

    record KeyRotated(String message, String keyId) {}

    record LoggedOut(String message, int revokedTokens) {}

    record PlatformSettings(Integer maxTokensPerUser, String sessionCapPolicy) {
        static PlatformSettings of(SessionCap cap) {
            return new PlatformSettings(
                    cap.maxTokensPerUser().isPresent() ? cap.maxTokensPerUser().getAsInt() : null,
                    WireNames.of(cap.policy()));
        }
    }

    record Listening(int port) {}

    record Pruned(int pruned) {}

    record Refusal(String error) {}

    /** Nothing of that id or email in this database: the path of its H2 file, or its URL without credentials. */
    record NotFound(String error, String database) {}

    record Invalid(String message, Map<String, List<String>> errors) {}
}
