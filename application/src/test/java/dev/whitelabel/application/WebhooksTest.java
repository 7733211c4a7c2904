package dev.whitelabel.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.whitelabel.adapters.persistence.BcryptPasswordHasher;
import dev.whitelabel.domain.error.InvalidInput;
import dev.whitelabel.domain.error.WebhookNotFound;
import dev.whitelabel.domain.model.AuditActor;
import dev.whitelabel.domain.model.AuditEvent;
import dev.whitelabel.domain.model.AuditEvent.AuditAction;
import dev.whitelabel.domain.model.LogoutScope;
import dev.whitelabel.domain.model.LogoutTarget;
import dev.whitelabel.domain.model.PageRequest;
import dev.whitelabel.domain.model.PlatformCreated;
import dev.whitelabel.domain.model.RecordedAuditEvent;
import dev.whitelabel.domain.model.WebhookDelivery;
import dev.whitelabel.domain.model.WebhookEndpoint;
import dev.whitelabel.domain.model.WebhookEventType;
import dev.whitelabel.domain.model.WebhookPolicy;
import dev.whitelabel.domain.model.WebhookSigning;
import dev.whitelabel.domain.port.out.WebhookSender;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Webhook endpoints, the outbox and the dispatcher's decisions, on the in-memory adapter with a recording sender. */
class WebhooksTest {

    record Sent(String url, Map<String, String> headers, String body) {}

    /** Answers every send with {@code status} (empty: no answer) and keeps what it was asked to send. */
    static final class RecordingSender implements WebhookSender {
        final List<Sent> sent = new ArrayList<>();
        Optional<Integer> status = Optional.of(204);

        @Override
        public CompletableFuture<Outcome> send(String url, Map<String, String> headers, String body) {
            sent.add(new Sent(url, headers, body));
            return CompletableFuture.completedFuture(new Outcome(
                    status, status.isPresent() ? Optional.empty() : Optional.of("no answer: ConnectException")));
        }
    }

    final Fixture fixture = new Fixture();
    final WhitelabelUseCases useCases = fixture.useCasesAllowingPrivateTargets;
    final RecordingSender sender = new RecordingSender();
    final PlatformCreated acme = fixture.platform("acme");
    final PlatformCreated globex = fixture.platform("globex");

    WebhookDelivery onlyDelivery(long endpointId) {
        var deliveries = useCases.manageWebhooks()
                .deliveries(Fixture.adminOf(acme), endpointId, PageRequest.first())
                .items();
        assertThat(deliveries).hasSize(1);
        return deliveries.get(0);
    }

    @Test
    void a_logout_is_announced_to_its_platforms_endpoints_that_take_it_and_sent_signed() {
        var all = useCases.manageWebhooks().create(Fixture.adminOf(acme), "http://127.0.0.1:9/all", Set.of());
        var oneOnly = useCases.manageWebhooks()
                .create(Fixture.adminOf(acme), "http://127.0.0.1:9/one", Set.of(WebhookEventType.TOKEN_REVOKED));
        useCases.manageWebhooks().create(Fixture.adminOf(globex), "http://127.0.0.1:9/globex", Set.of());
        var ann = fixture.user(acme, "ann@acme.test");
        fixture.token(ann);

        useCases.logoutPlatformUser().logout(Fixture.adminOf(acme), LogoutTarget.user(ann.id()));
        var round = useCases.deliverWebhooks(sender).deliverDue();

        assertThat(round.delivered()).isEqualTo(1);
        assertThat(sender.sent).singleElement().satisfies(sent -> {
            assertThat(sent.url()).isEqualTo("http://127.0.0.1:9/all");
            assertThat(sent.body())
                    .startsWith("{\"type\":\"user.logged_out\",\"timestamp\":\"" + Fixture.NOW + "\"")
                    .contains(
                            "\"platform_id\":" + acme.platform().id(),
                            "\"user_id\":" + ann.id(),
                            "\"token_id\":null",
                            "\"scope\":\"all\"",
                            "\"revoked_tokens\":1",
                            "\"actor\":{\"type\":\"admin\",\"id\":"
                                    + acme.admin().id() + "}",
                            "\"audit_event_id\":")
                    .doesNotContain("ann@acme.test")
                    .doesNotContain(all.secret());
            String id = sent.headers().get("webhook-id");
            String timestamp = sent.headers().get("webhook-timestamp");
            assertThat(id).startsWith("msg_");
            assertThat(timestamp).isEqualTo(Long.toString(Fixture.NOW.getEpochSecond()));
            assertThat(sent.headers().get("webhook-signature"))
                    .isEqualTo(
                            "v1," + WebhookSigning.signature(all.secret(), id + "." + timestamp + "." + sent.body()));
            assertThat(onlyDelivery(all.endpoint().id()).messageId())
                    .as("the id the admin sees")
                    .isEqualTo(id);
        });
        assertThat(onlyDelivery(all.endpoint().id()).deliveredAt()).contains(Fixture.NOW);
        assertThat(useCases.manageWebhooks()
                        .deliveries(Fixture.adminOf(acme), oneOnly.endpoint().id(), PageRequest.first())
                        .items())
                .as("it takes token.revoked only")
                .isEmpty();
    }

    @Test
    void a_logout_of_every_other_token_is_a_user_logged_out_naming_the_token_kept() {
        var endpoint = useCases.manageWebhooks()
                .create(Fixture.adminOf(acme), "http://127.0.0.1:9/", Set.of())
                .endpoint();
        var ann = fixture.user(acme, "ann@acme.test");
        var phone = fixture.token(ann);
        fixture.token(ann);

        useCases.logoutSelf().logout(fixture.caller(phone), LogoutScope.OTHERS);
        useCases.deliverWebhooks(sender).deliverDue();

        assertThat(onlyDelivery(endpoint.id()).type()).isEqualTo(WebhookEventType.USER_LOGGED_OUT);
        assertThat(sender.sent)
                .singleElement()
                .satisfies(sent -> assertThat(sent.body())
                        .contains(
                                "\"token_id\":null",
                                "\"scope\":\"others\"",
                                "\"kept_token_id\":" + phone.tokenId(),
                                "\"revoked_tokens\":1",
                                "\"actor\":{\"type\":\"user\",\"id\":" + ann.id() + "}"));
    }

    @Test
    void a_failed_attempt_is_tried_again_later_with_the_same_id_and_given_up_after_about_a_day() {
        var endpoint = useCases.manageWebhooks()
                .create(Fixture.adminOf(acme), "http://127.0.0.1:9/", Set.of())
                .endpoint();
        var ann = fixture.user(acme, "ann@acme.test");
        useCases.logoutPlatformUser().logout(Fixture.adminOf(acme), LogoutTarget.user(ann.id()));
        var deliver = useCases.deliverWebhooks(sender);
        sender.status = Optional.of(500);

        assertThat(deliver.deliverDue().retrying()).isEqualTo(1);
        assertThat(deliver.deliverDue().attempted()).as("not due again yet").isZero();
        Duration waited = Duration.ZERO;
        int attempts = 1;
        while (onlyDelivery(endpoint.id()).failedAt().isEmpty()) {
            Duration wait = Duration.between(
                    fixture.clock.instant(),
                    onlyDelivery(endpoint.id()).nextAttemptAt().orElseThrow());
            fixture.clock.advance(wait);
            waited = waited.plus(wait);
            deliver.deliverDue();
            attempts++;
        }

        assertThat(attempts).isEqualTo(DeliverWebhooks.BACKOFF.size() + 1);
        assertThat(waited).isBetween(Duration.ofHours(19), Duration.ofHours(31));
        assertThat(sender.sent)
                .extracting(sent -> sent.headers().get("webhook-id"))
                .containsOnly(sender.sent.get(0).headers().get("webhook-id"));
        var given = onlyDelivery(endpoint.id());
        assertThat(given.lastStatus()).contains(500);
        assertThat(given.nextAttemptAt()).isEmpty();

        sender.status = Optional.of(200);
        useCases.manageWebhooks().retry(Fixture.adminOf(acme), endpoint.id(), given.id());
        assertThat(deliver.deliverDue().delivered()).isEqualTo(1);
        assertThat(onlyDelivery(endpoint.id()).failedAt()).isEmpty();
    }

    @Test
    void only_a_token_that_ended_is_announced_and_a_deleted_endpoint_gets_nothing_more() {
        var endpoint = useCases.manageWebhooks()
                .create(Fixture.adminOf(acme), "http://127.0.0.1:9/", Set.of())
                .endpoint();
        var ann = fixture.user(acme, "ann@acme.test");
        var token = fixture.token(ann);
        var admin = Fixture.adminOf(acme);

        useCases.logoutPlatformUser().logout(admin, LogoutTarget.user(ann.id()).onlyToken(token.tokenId()));
        useCases.logoutPlatformUser().logout(admin, LogoutTarget.user(ann.id()).onlyToken(token.tokenId()));

        assertThat(onlyDelivery(endpoint.id()).type()).isEqualTo(WebhookEventType.TOKEN_REVOKED);
        useCases.manageWebhooks().delete(admin, endpoint.id());
        assertThat(useCases.deliverWebhooks(sender).deliverDue().attempted()).isZero();
        assertThatThrownBy(() -> useCases.manageWebhooks().deliveries(admin, endpoint.id(), PageRequest.first()))
                .isInstanceOf(WebhookNotFound.class);
    }

    @Test
    void another_platforms_admin_neither_sees_nor_changes_an_endpoint() {
        var endpoint = useCases.manageWebhooks()
                .create(Fixture.adminOf(acme), "http://127.0.0.1:9/", Set.of())
                .endpoint();
        var stranger = Fixture.adminOf(globex);

        assertThat(useCases.manageWebhooks().list(stranger)).isEmpty();
        assertThatThrownBy(() -> useCases.manageWebhooks().delete(stranger, endpoint.id()))
                .isInstanceOf(WebhookNotFound.class);
        assertThatThrownBy(() -> useCases.manageWebhooks().deliveries(stranger, endpoint.id(), PageRequest.first()))
                .isInstanceOf(WebhookNotFound.class);
        assertThatThrownBy(() -> useCases.manageWebhooks().find(stranger, endpoint.id()))
                .isInstanceOf(WebhookNotFound.class);
        assertThatThrownBy(() -> useCases.manageWebhooks().enable(stranger, endpoint.id()))
                .isInstanceOf(WebhookNotFound.class);
        assertThat(useCases.manageWebhooks().list(Fixture.adminOf(acme))).containsExactly(endpoint);
        assertThat(useCases.manageWebhooks().find(Fixture.adminOf(acme), endpoint.id()))
                .isEqualTo(endpoint);
    }

    WebhookEndpoint endpointNow(long endpointId) {
        return useCases.manageWebhooks().find(Fixture.adminOf(acme), endpointId);
    }

    List<RecordedAuditEvent> trail() {
        return useCases.readAuditTrail()
                .read(Fixture.adminOf(acme), PageRequest.first())
                .items();
    }

    @Test
    void an_endpoint_that_only_fails_for_five_days_is_disabled_and_its_deliveries_wait_for_an_admin_to_enable_it() {
        var endpoint = useCases.manageWebhooks()
                .create(Fixture.adminOf(acme), "http://127.0.0.1:9/", Set.of())
                .endpoint();
        var ann = fixture.user(acme, "ann@acme.test");
        var deliver = useCases.deliverWebhooks(sender);
        sender.status = Optional.of(500);
        useCases.logoutPlatformUser().logout(Fixture.adminOf(acme), LogoutTarget.user(ann.id()));

        deliver.deliverDue();
        assertThat(endpointNow(endpoint.id()).failingSince()).contains(Fixture.NOW);
        fixture.clock.advance(WebhookPolicy.DEFAULT_DISABLE_AFTER.minusSeconds(1));
        useCases.logoutPlatformUser().logout(Fixture.adminOf(acme), LogoutTarget.user(ann.id()));
        assertThat(deliver.deliverDue().endpointsDisabled())
                .as("not five days yet")
                .isZero();
        fixture.clock.advance(Duration.ofSeconds(1));
        useCases.logoutPlatformUser().logout(Fixture.adminOf(acme), LogoutTarget.user(ann.id()));
        var disabling = deliver.deliverDue();

        assertThat(disabling.endpointsDisabled()).isEqualTo(1);
        var disabledAt = fixture.clock.instant();
        assertThat(endpointNow(endpoint.id()).disabledAt()).contains(disabledAt);
        assertThat(endpointNow(endpoint.id()).failingSince()).contains(Fixture.NOW);
        assertThat(trail().get(0).event())
                .isEqualTo(AuditEvent.ofWebhook(
                        disabledAt,
                        acme.platform().id(),
                        AuditActor.SYSTEM,
                        endpoint.id(),
                        AuditAction.WEBHOOK_DISABLED));

        useCases.logoutPlatformUser().logout(Fixture.adminOf(acme), LogoutTarget.user(ann.id()));
        int sends = sender.sent.size();
        fixture.clock.advance(Duration.ofDays(2));
        assertThat(deliver.deliverDue().attempted())
                .as("nothing sent while disabled")
                .isZero();
        assertThat(sender.sent).hasSize(sends);
        var deliveries = useCases.manageWebhooks()
                .deliveries(Fixture.adminOf(acme), endpoint.id(), PageRequest.first())
                .items();
        assertThat(deliveries).as("the event of the meantime is in the outbox").hasSize(4);
        assertThat(deliveries.get(0).attempts()).isZero();
        assertThat(deliveries)
                .as("held, none given up for the time the endpoint is disabled")
                .allSatisfy(delivery -> {
                    assertThat(delivery.nextAttemptAt()).isEmpty();
                    assertThat(delivery.failedAt()).isEmpty();
                });

        sender.status = Optional.of(204);
        var enabled = useCases.manageWebhooks().enable(Fixture.adminOf(acme), endpoint.id());

        assertThat(enabled.resumedDeliveries()).isEqualTo(4);
        assertThat(enabled.endpoint().disabledAt()).isEmpty();
        assertThat(enabled.endpoint().failingSince()).as("a fresh time to fail").isEmpty();
        assertThat(trail().get(0).event())
                .isEqualTo(AuditEvent.ofWebhook(
                        fixture.clock.instant(),
                        acme.platform().id(),
                        Fixture.adminOf(acme).audited(),
                        endpoint.id(),
                        AuditAction.WEBHOOK_ENABLED));
        assertThat(deliver.deliverDue().delivered()).isEqualTo(4);
    }

    @Test
    void a_success_ends_the_failing_so_an_endpoint_that_sometimes_answers_is_never_disabled() {
        var endpoint = useCases.manageWebhooks()
                .create(Fixture.adminOf(acme), "http://127.0.0.1:9/", Set.of())
                .endpoint();
        var ann = fixture.user(acme, "ann@acme.test");
        var deliver = useCases.deliverWebhooks(sender);
        sender.status = Optional.of(500);
        useCases.logoutPlatformUser().logout(Fixture.adminOf(acme), LogoutTarget.user(ann.id()));
        deliver.deliverDue();

        fixture.clock.advance(Duration.ofDays(4));
        sender.status = Optional.of(200);
        useCases.logoutPlatformUser().logout(Fixture.adminOf(acme), LogoutTarget.user(ann.id()));
        deliver.deliverDue();
        assertThat(endpointNow(endpoint.id()).failingSince()).isEmpty();

        fixture.clock.advance(Duration.ofDays(2));
        sender.status = Optional.empty();
        useCases.logoutPlatformUser().logout(Fixture.adminOf(acme), LogoutTarget.user(ann.id()));
        assertThat(deliver.deliverDue().endpointsDisabled()).isZero();
        assertThat(endpointNow(endpoint.id()).failingSince()).contains(fixture.clock.instant());
        assertThat(endpointNow(endpoint.id()).disabledAt()).isEmpty();
    }

    @Test
    void enabling_an_endpoint_that_is_not_disabled_changes_nothing_and_is_not_audited() {
        var endpoint = useCases.manageWebhooks()
                .create(Fixture.adminOf(acme), "http://127.0.0.1:9/", Set.of())
                .endpoint();
        var ann = fixture.user(acme, "ann@acme.test");
        sender.status = Optional.of(500);
        useCases.logoutPlatformUser().logout(Fixture.adminOf(acme), LogoutTarget.user(ann.id()));
        useCases.deliverWebhooks(sender).deliverDue();
        var waiting = onlyDelivery(endpoint.id());
        int audited = trail().size();

        var enabled = useCases.manageWebhooks().enable(Fixture.adminOf(acme), endpoint.id());

        assertThat(enabled.resumedDeliveries()).isZero();
        assertThat(enabled.endpoint()).isEqualTo(endpointNow(endpoint.id()));
        assertThat(enabled.endpoint().failingSince()).as("still failing").contains(Fixture.NOW);
        assertThat(onlyDelivery(endpoint.id()))
                .as("its next attempt where it was")
                .isEqualTo(waiting);
        assertThat(trail()).hasSize(audited);
    }

    @Test
    void an_operator_who_allows_no_failing_time_disables_an_endpoint_at_its_first_failure() {
        var immediate = new WhitelabelUseCases(
                fixture.storage, new BcryptPasswordHasher(4), fixture.clock, new WebhookPolicy(true, Duration.ZERO));
        var endpoint = immediate
                .manageWebhooks()
                .create(Fixture.adminOf(acme), "http://127.0.0.1:9/", Set.of())
                .endpoint();
        var ann = fixture.user(acme, "ann@acme.test");
        sender.status = Optional.of(410);
        immediate.logoutPlatformUser().logout(Fixture.adminOf(acme), LogoutTarget.user(ann.id()));

        assertThat(immediate.deliverWebhooks(sender).deliverDue().endpointsDisabled())
                .isEqualTo(1);
        assertThat(endpointNow(endpoint.id()).disabledAt()).contains(Fixture.NOW);
    }

    @Test
    void by_default_a_target_must_be_public_http_and_is_checked_again_before_every_attempt() {
        var publicOnly = fixture.useCases.manageWebhooks();
        for (String url : new String[] {
            "http://127.0.0.1/",
            "http://localhost:8080/",
            "http://10.0.0.1/",
            "http://192.168.1.1/",
            "http://169.254.169.254/latest/meta-data",
            "http://[::1]/",
            "http://[fd00::1]/",
            "http://100.64.0.1/",
            "ftp://example.com/",
            "http://user:pass@example.com/",
            "not a url",
            "http:///nohost",
            "http://0.0.0.0/"
        }) {
            assertThatThrownBy(() -> publicOnly.create(Fixture.adminOf(acme), url, Set.of()))
                    .as(url)
                    .isInstanceOf(InvalidInput.class);
        }
        var local = useCases.manageWebhooks()
                .create(Fixture.adminOf(acme), "http://127.0.0.1:9/", Set.of())
                .endpoint();
        var ann = fixture.user(acme, "ann@acme.test");
        useCases.logoutPlatformUser().logout(Fixture.adminOf(acme), LogoutTarget.user(ann.id()));

        var strict = fixture.useCases.deliverWebhooks(sender);
        assertThat(strict.deliverDue().retrying()).isEqualTo(1);
        assertThat(sender.sent)
                .as("a private target is not sent to without the operator's leave")
                .isEmpty();
        assertThat(onlyDelivery(local.id()).lastError())
                .hasValueSatisfying(error -> assertThat(error).startsWith("target refused"));
    }
}
