package dev.whitelabel.adapters.http.webhooks;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dev.whitelabel.adapters.http.WireNames;
import dev.whitelabel.domain.model.LogoutScope;
import dev.whitelabel.domain.model.WebhookEvent;
import dev.whitelabel.domain.model.WebhookSigning;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * An event as a Standard Webhooks receiver reads it: the body {@code {"type":..,"timestamp":..,"data":{..}}}
 * and the headers that sign it, {@code webhook-id} (the same on every retry), {@code webhook-timestamp}
 * (Unix seconds, when sent) and {@code webhook-signature: v1,<base64 HMAC-SHA256>}.
 */
record StandardWebhookMessage(Map<String, String> headers, String body) {

    private static final ObjectMapper JSON =
            new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    record Body(String type, String timestamp, Data data) {}

    /** {@code token_id} is always there (null unless one token ended); {@code kept_token_id} only when one was kept. */
    record Data(
            long platformId,
            long userId,
            Long tokenId,
            String scope,
            @JsonInclude(JsonInclude.Include.NON_NULL) Long keptTokenId,
            int revokedTokens,
            String reason,
            Actor actor,
            long auditEventId) {}

    record Actor(String type, Long id) {}

    static StandardWebhookMessage of(String secret, WebhookEvent event, Instant now) {
        String body = body(event);
        String messageId = WebhookSigning.messageId(secret, event.auditEventId());
        String timestamp = Long.toString(now.getEpochSecond());
        return new StandardWebhookMessage(
                Map.of(
                        "webhook-id",
                        messageId,
                        "webhook-timestamp",
                        timestamp,
                        "webhook-signature",
                        "v1," + WebhookSigning.signature(secret, messageId + "." + timestamp + "." + body),
                        "Content-Type",
                        "application/json"),
                body);
    }

    static String body(WebhookEvent event) {
        Data data = event.scope().match(new LogoutScope.Cases<>() {
            @Override
            public Data allTokens() {
                return data(event, null, "all", null);
            }

            @Override
            public Data oneToken(long tokenId) {
                return data(event, tokenId, "one", null);
            }

            @Override
            public Data allBut(long keptTokenId) {
                return data(event, null, "others", keptTokenId);
            }

            @Override
            public Data current() {
                throw new IllegalStateException("an event names its tokens by id");
            }

            @Override
            public Data others() {
                return current();
            }
        });
        try {
            return JSON.writeValueAsString(
                    new Body(WireNames.of(event.type()), event.timestamp().toString(), data));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("ids, counts and names always make JSON", e);
        }
    }

    private static Data data(WebhookEvent event, Long tokenId, String scope, Long keptTokenId) {
        return new Data(
                event.platformId(),
                event.userId(),
                tokenId,
                scope,
                keptTokenId,
                event.revokedTokens(),
                lowerCase(event.reason()),
                new Actor(lowerCase(event.actor().kind()), event.actor().id().orElse(null)),
                event.auditEventId());
    }

    private static String lowerCase(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
