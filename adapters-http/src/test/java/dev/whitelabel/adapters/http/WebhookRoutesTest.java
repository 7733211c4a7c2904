package dev.whitelabel.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.whitelabel.adapters.persistence.BcryptPasswordHasher;
import dev.whitelabel.application.WhitelabelUseCases;
import dev.whitelabel.domain.model.Actor;
import dev.whitelabel.domain.model.LogoutTarget;
import dev.whitelabel.domain.model.PlatformCreated;
import dev.whitelabel.domain.model.User;
import dev.whitelabel.domain.model.WebhookPolicy;
import dev.whitelabel.domain.port.in.CreateWebhookCommand;
import dev.whitelabel.domain.port.out.WebhookSender;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** /api/white-label/webhooks over real HTTP: an endpoint the service disabled, read and enabled again. */
class WebhookRoutesTest {

    static final String PATH = "/api/white-label/webhooks";

    @RegisterExtension
    final RunningApi running = new RunningApi();

    PlatformCreated acme;
    String admin;
    User ann;
    /** The same storage, with receivers on this machine allowed and no time to fail: one failure disables. */
    WhitelabelUseCases impatient;

    long endpointId;

    @BeforeEach
    void seed() {
        acme = running.platform("acme");
        admin = RunningApi.adminToken(acme);
        ann = running.user(acme, "ann@acme.test");
        impatient = new WhitelabelUseCases(
                running.storage,
                new BcryptPasswordHasher(4),
                Clock.systemUTC(),
                new WebhookPolicy(true, Duration.ZERO));
        endpointId = impatient
                .createWebhook()
                .create(new CreateWebhookCommand(
                        Actor.whiteLabelAdmin(acme.admin()), "http://127.0.0.1:9/hooks", Set.of()))
                .endpoint()
                .id();
    }

    /** A logout of every token of Ann is announced, and the receiver answers 503. */
    void logoutAndFailToDeliver() {
        running.useCases.logoutPlatformUser().logout(Actor.whiteLabelAdmin(acme.admin()), LogoutTarget.user(ann.id()));
        impatient
                .deliverWebhooks(delivery -> CompletableFuture.completedFuture(
                        new WebhookSender.Outcome(Optional.of(503), Optional.empty())))
                .deliverDue();
    }

    JsonNode latestAuditEvent() {
        return running.api.get("/api/white-label/audit", admin).json().at("/data/0");
    }

    @Test
    void an_endpoint_disabled_for_failing_says_so_and_since_when_in_the_listing_and_on_its_own() {
        var sound = running.api.get(PATH + "/" + endpointId, admin).json().get("webhook");
        assertThat(sound.get("url").asText()).isEqualTo("http://127.0.0.1:9/hooks");
        assertThat(sound.get("failing_since").isNull()).isTrue();
        assertThat(sound.get("disabled_at").isNull()).isTrue();
        assertThat(sound.get("disabled_reason").isNull()).isTrue();

        logoutAndFailToDeliver();

        var listed = running.api.get(PATH, admin).json().at("/webhooks/0");
        assertThat(listed)
                .isEqualTo(
                        running.api.get(PATH + "/" + endpointId, admin).json().get("webhook"));
        assertThat(listed.get("disabled_reason").asText()).isEqualTo("failing");
        assertThat(listed.get("disabled_at").asText())
                .isEqualTo(listed.get("failing_since").asText());
        var disabled = latestAuditEvent();
        assertThat(disabled.get("action").asText()).isEqualTo("webhook_disabled");
        assertThat(disabled.get("actor_type").asText()).isEqualTo("system");
        assertThat(disabled.get("actor_user_id").isNull()).isTrue();
        assertThat(disabled.get("webhook_id").asLong()).isEqualTo(endpointId);
        assertThat(disabled.get("target_user_id").isNull()).isTrue();
    }

    @Test
    void an_admin_enables_it_again_and_its_held_deliveries_are_due_at_once() {
        logoutAndFailToDeliver();
        logoutAndFailToDeliver();

        var enabled = running.api.post(PATH + "/" + endpointId + "/enable", admin, null, "");

        assertThat(enabled.status()).isEqualTo(200);
        assertThat(enabled.json().get("message").asText()).isEqualTo("Webhook enabled successfully.");
        assertThat(enabled.json().get("resumed_deliveries").asInt()).isEqualTo(1);
        assertThat(enabled.json().at("/webhook/id").asLong()).isEqualTo(endpointId);
        assertThat(enabled.json().at("/webhook/disabled_at").isNull()).isTrue();
        assertThat(enabled.json().at("/webhook/disabled_reason").isNull()).isTrue();
        assertThat(enabled.json().at("/webhook/failing_since").isNull()).isTrue();
        var audited = latestAuditEvent();
        assertThat(audited.get("action").asText()).isEqualTo("webhook_enabled");
        assertThat(audited.get("actor_type").asText()).isEqualTo("admin");
        assertThat(audited.get("actor_user_id").asLong()).isEqualTo(acme.admin().id());
        assertThat(audited.get("webhook_id").asLong()).isEqualTo(endpointId);
        assertThat(running.api
                        .get(PATH + "/" + endpointId + "/deliveries", admin)
                        .json()
                        .at("/data/0/next_attempt_at")
                        .isNull())
                .as("due")
                .isFalse();

        var again = running.api.post(PATH + "/" + endpointId + "/enable", admin, null, "");
        assertThat(again.status()).as("idempotent").isEqualTo(200);
        assertThat(latestAuditEvent()).as("nothing more audited").isEqualTo(audited);
    }

    @Test
    void another_platforms_admin_or_a_user_can_neither_read_nor_enable_it() {
        logoutAndFailToDeliver();
        String globexAdmin = RunningApi.adminToken(running.platform("globex"));
        String user = running.token(ann);
        String notFound = "{\"error\":\"Webhook endpoint not found.\"}\n";

        assertThat(running.api.get(PATH + "/" + endpointId, globexAdmin).body()).isEqualTo(notFound);
        var refused = running.api.post(PATH + "/" + endpointId + "/enable", globexAdmin, null, "");
        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.body()).isEqualTo(notFound);
        assertThat(running.api
                        .post(PATH + "/" + endpointId + "/enable", user, null, "")
                        .status())
                .isEqualTo(403);
        assertThat(running.api.post(PATH + "/abc/enable", admin, null, "").status())
                .isEqualTo(404);
        assertThat(running.api.get(PATH + "/0", admin).status()).isEqualTo(404);
        assertThat(running.api
                        .get(PATH + "/" + endpointId, admin)
                        .json()
                        .at("/webhook/disabled_reason")
                        .asText())
                .as("still disabled")
                .isEqualTo("failing");
    }
}
