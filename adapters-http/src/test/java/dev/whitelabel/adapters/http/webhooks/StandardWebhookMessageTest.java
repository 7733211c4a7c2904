package dev.whitelabel.adapters.http.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.whitelabel.domain.model.AuditActor;
import dev.whitelabel.domain.model.AuditEvent.AuditAction;
import dev.whitelabel.domain.model.LogoutScope;
import dev.whitelabel.domain.model.WebhookEvent;
import dev.whitelabel.domain.model.WebhookEventType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** The body and headers a receiver reads, against the Standard Webhooks spec's own recipe for the signature. */
class StandardWebhookMessageTest {

    static final Instant AT = Instant.parse("2026-11-28T21:00:00Z");
    static final AuditActor ADMIN = new AuditActor(AuditActor.Kind.ADMIN, Optional.of(1L));
    static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString(KEY);

    static WebhookEvent event(
            WebhookEventType type, LogoutScope scope, int revoked, AuditActor actor, AuditAction why) {
        return new WebhookEvent(type, AT, 1, 2, scope, revoked, actor, why, 7);
    }

    @Test
    void a_logout_of_every_token_names_no_token() {
        var all = event(WebhookEventType.USER_LOGGED_OUT, LogoutScope.ALL, 2, ADMIN, AuditAction.LOGOUT_ALL);

        assertThat(StandardWebhookMessage.body(all))
                .isEqualTo("{\"type\":\"user.logged_out\",\"timestamp\":\"2026-11-28T21:00:00Z\",\"data\":{"
                        + "\"platform_id\":1,\"user_id\":2,\"token_id\":null,\"scope\":\"all\",\"revoked_tokens\":2,"
                        + "\"reason\":\"logout_all\",\"actor\":{\"type\":\"admin\",\"id\":1},\"audit_event_id\":7}}");
    }

    @Test
    void a_logout_of_one_token_names_it_and_one_of_the_others_names_the_token_kept() {
        var user = new AuditActor(AuditActor.Kind.USER, Optional.of(2L));
        var one = event(WebhookEventType.TOKEN_REVOKED, new LogoutScope.OneToken(5), 1, user, AuditAction.LOGOUT_TOKEN);
        var others = event(
                WebhookEventType.USER_LOGGED_OUT, new LogoutScope.AllBut(5), 3, user, AuditAction.PASSWORD_CHANGED);

        assertThat(StandardWebhookMessage.body(one))
                .startsWith("{\"type\":\"token.revoked\",")
                .contains("\"token_id\":5,\"scope\":\"one\",\"revoked_tokens\":1,\"reason\":\"logout_token\"")
                .contains("\"actor\":{\"type\":\"user\",\"id\":2}")
                .doesNotContain("kept_token_id");
        assertThat(StandardWebhookMessage.body(others))
                .contains("\"token_id\":null,\"scope\":\"others\",\"kept_token_id\":5,\"revoked_tokens\":3")
                .contains("\"reason\":\"password_changed\"");
    }

    @Test
    void the_operator_and_the_service_itself_act_without_an_id() {
        var evicted = event(
                WebhookEventType.TOKEN_REVOKED,
                new LogoutScope.OneToken(5),
                1,
                AuditActor.SYSTEM,
                AuditAction.TOKEN_EVICTED);

        assertThat(StandardWebhookMessage.body(evicted)).contains("\"actor\":{\"type\":\"system\",\"id\":null}");
    }

    @Test
    void the_message_is_signed_over_its_id_the_time_it_is_sent_and_its_body() throws Exception {
        var all = event(WebhookEventType.USER_LOGGED_OUT, LogoutScope.ALL, 2, ADMIN, AuditAction.LOGOUT_ALL);
        var sentAt = AT.plusSeconds(90);

        var message = StandardWebhookMessage.of(SECRET, all, sentAt);

        String id = message.headers().get("webhook-id");
        assertThat(id).startsWith("msg_");
        assertThat(message.headers())
                .containsEntry("webhook-timestamp", Long.toString(sentAt.getEpochSecond()))
                .containsEntry("Content-Type", "application/json");
        var mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
        String signed = id + "." + sentAt.getEpochSecond() + "." + message.body();
        assertThat(message.headers().get("webhook-signature"))
                .isEqualTo("v1,"
                        + Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8))));
        assertThat(StandardWebhookMessage.of(SECRET, all, sentAt.plusSeconds(600))
                        .headers())
                .as("a retry keeps the id")
                .containsEntry("webhook-id", id);
        assertThat(message.body()).doesNotContain(SECRET);
    }
}
