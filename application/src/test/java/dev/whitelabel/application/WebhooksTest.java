package dev.whitelabel.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.whitelabel.adapters.persistence.BcryptPasswordHasher;
import dev.whitelabel.domain.error.Input;
import dev.whitelabel.domain.error.InvalidInput;
import dev.whitelabel.domain.error.Violation;
import dev.whitelabel.domain.error.Violation.Rule;
import dev.whitelabel.domain.error.WebhookNotFound;
import dev.whitelabel.domain.model.AuditActor;
import dev.whitelabel.domain.model.AuditEvent;
import dev.whitelabel.domain.model.AuditEvent.AuditAction;
import dev.whitelabel.domain.model.DeliveryLimits;
import dev.whitelabel.domain.model.LoginThrottle;
import dev.whitelabel.domain.model.LogoutScope;
import dev.whitelabel.domain.model.LogoutTarget;
import dev.whitelabel.domain.model.PageRequest;
import dev.whitelabel.domain.model.PlatformCreated;
import dev.whitelabel.domain.model.RecordedAuditEvent;
import dev.whitelabel.domain.model.WebhookDelivery;
import dev.whitelabel.domain.model.WebhookEndpoint;
import dev.whitelabel.domain.model.WebhookEvent;
import dev.whitelabel.domain.model.WebhookEventType;
import dev.whitelabel.domain.model.WebhookPolicy;
import dev.whitelabel.domain.model.WebhookSigning;
import dev.whitelabel.domain.port.in.CreateWebhookCommand;
import dev.whitelabel.domain.port.in.RetryDeliveryCommand;
import dev.whitelabel.domain.port.in.WebhookDeliveriesQuery;
import dev.whitelabel.domain.port.out.DueDelivery;
import dev.whitelabel.domain.port.out.HostResolver;
import dev.whitelabel.domain.port.out.WebhookSender;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Webhook endpoints, the outbox and the dispatcher's decisions, on the in-memory adapter with a recording sender. */
class WebhooksTest {

    /** Answers every send with {@code status} (empty: no answer) and keeps what it was asked to send. */
    static final class RecordingSender implements WebhookSender {
        final List<DueDelivery> sent = new ArrayList<>();
        Optional<Integer> status = Optional.of(204);

        @Override
        public CompletableFuture<Outcome> send(DueDelivery delivery) {
            sent.add(delivery);
            return CompletableFuture.completedFuture(
                    new Outcome(status, status.isPresent() ? Optional.empty() : Optional.of("could not connect")));
        }
    }

    final Fixture fixture = new Fixture();
    final WhitelabelUseCases useCases = fixture.useCasesAllowingPrivateTargets;
    final RecordingSender sender = new RecordingSender();
    final PlatformCreated acme = fixture.platform("acme");
    final PlatformCreated globex = fixture.platform("globex");

    WebhookDelivery onlyDelivery(long endpointId) {
        var deliveries = useCases.listWebhookDeliveries()
                .deliveries(new WebhookDeliveriesQuery(Fixture.adminOf(acme), endpointId, PageRequest.first()))
                .items();
        assertThat(deliveries).hasSize(1);
        return deliveries.get(0);
    }

    @Test
    void a_logout_is_announced_to_its_platforms_endpoints_that_take_it_with_their_secret() {
        var all = useCases.createWebhook()
                .create(new CreateWebhookCommand(Fixture.adminOf(acme), "http://127.0.0.1:9/all", Set.of()));
        var oneOnly = useCases.createWebhook()
                .create(new CreateWebhookCommand(
                        Fixture.adminOf(acme), "http://127.0.0.1:9/one", Set.of(WebhookEventType.TOKEN_REVOKED)));
        useCases.createWebhook()
                .create(new CreateWebhookCommand(Fixture.adminOf(globex), "http://127.0.0.1:9/globex", Set.of()));
        var ann = fixture.user(acme, "ann@acme.test");
        fixture.token(ann);

        useCases.logoutPlatformUser().logout(Fixture.adminOf(acme), LogoutTarget.user(ann.id()));
        var round = useCases.deliverWebhooks(sender).deliverDue();

        assertThat(round.delivered()).isEqualTo(1);
        assertThat(sender.sent).singleElement().satisfies(sent -> {
            assertThat(sent.url()).isEqualTo("http://127.0.0.1:9/all");
            assertThat(sent.secret()).isEqualTo(all.secret());
            assertThat(sent.event())
                    .isEqualTo(new WebhookEvent(
                            WebhookEventType.USER_LOGGED_OUT,
                            Fixture.NOW,
                            acme.platform().id(),
                            ann.id(),
                            LogoutScope.ALL,
                            1,
                            new AuditActor(
                                    AuditActor.Kind.ADMIN,
                                    Optional.of(acme.admin().id())),
                            AuditAction.LOGOUT_ALL,
                            sent.event().auditEventId()));
            assertThat(onlyDelivery(all.endpoint().id()).messageId())
                    .as("the id the admin sees is the one the sender derives")
                    .isEqualTo(
                            WebhookSigning.messageId(all.secret(), sent.event().auditEventId()));
        });
        assertThat(onlyDelivery(all.endpoint().id()).deliveredAt()).contains(Fixture.NOW);
        assertThat(useCases.listWebhookDeliveries()
                        .deliveries(new WebhookDeliveriesQuery(
                                Fixture.adminOf(acme), oneOnly.endpoint().id(), PageRequest.first()))
                        .items())
                .as("it takes token.revoked only")
                .isEmpty();
    }

    @Test
    void a_logout_of_every_other_token_is_a_user_logged_out_naming_the_token_kept() {
        var endpoint = useCases.createWebhook()
                .create(new CreateWebhookCommand(Fixture.adminOf(acme), "http://127.0.0.1:9/", Set.of()))
                .endpoint();
        var ann = fixture.user(acme, "ann@acme.test");
        var phone = fixture.token(ann);
        fixture.token(ann);

        useCases.logoutSelf().logout(fixture.caller(phone), LogoutScope.OTHERS);
        useCases.deliverWebhooks(sender).deliverDue();

        assertThat(onlyDelivery(endpoint.id()).type()).isEqualTo(WebhookEventType.USER_LOGGED_OUT);
        assertThat(sender.sent).singleElement().satisfies(sent -> {
            assertThat(sent.event().scope()).isEqualTo(new LogoutScope.AllBut(phone.tokenId()));
            assertThat(sent.event().revokedTokens()).isEqualTo(1);
            assertThat(sent.event().actor()).isEqualTo(new AuditActor(AuditActor.Kind.USER, Optional.of(ann.id())));
        });
    }

    /** A receiver sees every logout of a user that was asked for, as the audit trail does, even one that ended nothing. */
    @Test
    void a_logout_of_every_token_that_ends_none_is_still_a_user_logged_out_with_revoked_tokens_0() {
        useCases.createWebhook()
                .create(new CreateWebhookCommand(Fixture.adminOf(acme), "http://127.0.0.1:9/", Set.of()));
        var ann = fixture.user(acme, "ann@acme.test");
        fixture.token(ann);

        useCases.logoutPlatformUser().logout(Fixture.adminOf(acme), LogoutTarget.user(ann.id()));
        useCases.logoutPlatformUser().logout(Fixture.adminOf(acme), LogoutTarget.user(ann.id()));
        useCases.deliverWebhooks(sender).deliverDue();

        assertThat(sender.sent)
                .extracting(sent -> sent.event().type(), sent -> sent.event().revokedTokens())
                .containsExactly(
                        tuple(WebhookEventType.USER_LOGGED_OUT, 1), tuple(WebhookEventType.USER_LOGGED_OUT, 0));
    }

    @Test
    void a_failed_attempt_is_tried_again_later_with_the_same_id_and_given_up_after_about_a_day() {
        var endpoint = useCases.createWebhook()
                .create(new CreateWebhookCommand(Fixture.adminOf(acme), "http://127.0.0.1:9/", Set.of()))
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

        assertThat(attempts).isEqualTo(RetrySchedule.BACKOFF.size() + 1);
        assertThat(waited).isBetween(Duration.ofHours(19), Duration.ofHours(31));
        assertThat(sender.sent)
                .extracting(sent -> sent.event().auditEventId())
                .as("the same event, so the same webhook-id")
                .containsOnly(sender.sent.get(0).event().auditEventId());
        var given = onlyDelivery(endpoint.id());
        assertThat(given.lastStatus()).contains(500);
        assertThat(given.nextAttemptAt()).isEmpty();

        sender.status = Optional.of(200);
        useCases.retryDelivery().retry(new RetryDeliveryCommand(Fixture.adminOf(acme), endpoint.id(), given.id()));
        assertThat(deliver.deliverDue().delivered()).isEqualTo(1);
        assertThat(onlyDelivery(endpoint.id()).failedAt()).isEmpty();
    }

    @Test
    void only_a_token_that_ended_is_announced_and_a_deleted_endpoint_gets_nothing_more() {
        var endpoint = useCases.createWebhook()
                .create(new CreateWebhookCommand(Fixture.adminOf(acme), "http://127.0.0.1:9/", Set.of()))
                .endpoint();
        var ann = fixture.user(acme, "ann@acme.test");
        var token = fixture.token(ann);
        var admin = Fixture.adminOf(acme);

        useCases.logoutPlatformUser().logout(admin, LogoutTarget.user(ann.id()).onlyToken(token.tokenId()));
        useCases.logoutPlatformUser().logout(admin, LogoutTarget.user(ann.id()).onlyToken(token.tokenId()));

        assertThat(onlyDelivery(endpoint.id()).type()).isEqualTo(WebhookEventType.TOKEN_REVOKED);
        useCases.deleteWebhook().delete(admin, endpoint.id());
        assertThat(useCases.deliverWebhooks(sender).deliverDue().attempted()).isZero();
        assertThatThrownBy(() -> useCases.listWebhookDeliveries()
                        .deliveries(new WebhookDeliveriesQuery(admin, endpoint.id(), PageRequest.first())))
                .isInstanceOf(WebhookNotFound.class);
    }

    @Test
    void another_platforms_admin_neither_sees_nor_changes_an_endpoint() {
        var endpoint = useCases.createWebhook()
                .create(new CreateWebhookCommand(Fixture.adminOf(acme), "http://127.0.0.1:9/", Set.of()))
                .endpoint();
        var stranger = Fixture.adminOf(globex);

        assertThat(useCases.listWebhooks().list(stranger)).isEmpty();
        assertThatThrownBy(() -> useCases.deleteWebhook().delete(stranger, endpoint.id()))
                .isInstanceOf(WebhookNotFound.class);
        assertThatThrownBy(() -> useCases.listWebhookDeliveries()
                        .deliveries(new WebhookDeliveriesQuery(stranger, endpoint.id(), PageRequest.first())))
                .isInstanceOf(WebhookNotFound.class);
        assertThatThrownBy(() -> useCases.findWebhook().find(stranger, endpoint.id()))
                .isInstanceOf(WebhookNotFound.class);
        assertThatThrownBy(() -> useCases.enableWebhook().enable(stranger, endpoint.id()))
                .isInstanceOf(WebhookNotFound.class);
        assertThat(useCases.listWebhooks().list(Fixture.adminOf(acme))).containsExactly(endpoint);
        assertThat(useCases.findWebhook().find(Fixture.adminOf(acme), endpoint.id()))
                .isEqualTo(endpoint);
    }

    WebhookEndpoint endpointNow(long endpointId) {
        return useCases.findWebhook().find(Fixture.adminOf(acme), endpointId);
    }

    List<RecordedAuditEvent> trail() {
        return useCases.readAuditTrail()
                .read(Fixture.adminOf(acme), PageRequest.first())
                .items();
    }

    @Test
    void an_endpoint_that_only_fails_for_five_days_is_disabled_and_its_deliveries_wait_for_an_admin_to_enable_it() {
        var endpoint = useCases.createWebhook()
                .create(new CreateWebhookCommand(Fixture.adminOf(acme), "http://127.0.0.1:9/", Set.of()))
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
        var deliveries = useCases.listWebhookDeliveries()
                .deliveries(new WebhookDeliveriesQuery(Fixture.adminOf(acme), endpoint.id(), PageRequest.first()))
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
        var enabled = useCases.enableWebhook().enable(Fixture.adminOf(acme), endpoint.id());

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
        var endpoint = useCases.createWebhook()
                .create(new CreateWebhookCommand(Fixture.adminOf(acme), "http://127.0.0.1:9/", Set.of()))
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
        var endpoint = useCases.createWebhook()
                .create(new CreateWebhookCommand(Fixture.adminOf(acme), "http://127.0.0.1:9/", Set.of()))
                .endpoint();
        var ann = fixture.user(acme, "ann@acme.test");
        sender.status = Optional.of(500);
        useCases.logoutPlatformUser().logout(Fixture.adminOf(acme), LogoutTarget.user(ann.id()));
        useCases.deliverWebhooks(sender).deliverDue();
        var waiting = onlyDelivery(endpoint.id());
        int audited = trail().size();

        var enabled = useCases.enableWebhook().enable(Fixture.adminOf(acme), endpoint.id());

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
                .createWebhook()
                .create(new CreateWebhookCommand(Fixture.adminOf(acme), "http://127.0.0.1:9/", Set.of()))
                .endpoint();
        var ann = fixture.user(acme, "ann@acme.test");
        sender.status = Optional.of(410);
        immediate.logoutPlatformUser().logout(Fixture.adminOf(acme), LogoutTarget.user(ann.id()));

        assertThat(immediate.deliverWebhooks(sender).deliverDue().endpointsDisabled())
                .isEqualTo(1);
        assertThat(endpointNow(endpoint.id()).disabledAt()).contains(Fixture.NOW);
    }

    /** IPv6 addresses that carry an IPv4 one reach it: NAT64, IPv4-compatible and -mapped, 6to4, Teredo. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://[64:ff9b::7f00:1]/",
                "http://[64:ff9b::a9fe:a9fe]/",
                "http://[64:ff9b::10.0.0.1]/",
                "http://[64:ff9b:1::808:808]/",
                "http://[::127.0.0.1]/",
                "http://[::a9fe:a9fe]/",
                "http://[::ffff:127.0.0.1]/",
                "http://[::ffff:c0a8:101]/",
                "http://[2002:7f00:1::]/",
                "http://[2002:a9fe:a9fe::1]/",
                "http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/",
                "http://[2001:0:808:808:0:0:f7f7:f7f7]/"
            })
    void an_ipv6_address_carrying_an_ipv4_address_that_would_be_refused_is_refused(String url) {
        assertThatThrownBy(() -> fixture.useCases
                        .createWebhook()
                        .create(new CreateWebhookCommand(Fixture.adminOf(acme), url, Set.of())))
                .isInstanceOf(InvalidInput.class)
                .satisfies(e -> assertThat(((InvalidInput) e).violations())
                        .containsExactly(new Violation(Input.URL, Rule.NOT_PUBLIC, 0)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://[64:ff9b::808:808]/", "http://[2002:808:808::1]/", "http://[2606:4700::1111]/"})
    void an_ipv6_address_carrying_a_public_ipv4_address_is_public(String url) {
        assertThat(fixture.useCases
                        .createWebhook()
                        .create(new CreateWebhookCommand(Fixture.adminOf(acme), url, Set.of()))
                        .endpoint()
                        .url())
                .isEqualTo(url);
    }

    /** The special-purpose ranges besides private and loopback ones: SpecialAddressesTest has them all. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://0.1.2.3/",
                "http://192.0.0.9/",
                "http://192.0.2.1/",
                "http://198.18.0.1/",
                "http://198.51.100.7/",
                "http://203.0.113.9/",
                "http://224.0.0.251/",
                "http://240.0.0.1/",
                "http://255.255.255.255/",
                "http://[2001:db8::1]/",
                "http://[3fff::1]/",
                "http://[ff02::1]/",
                "http://[fe80::1]/",
                "http://[fec0::1]/",
                "http://[100::1]/",
                "http://[::]/",
                "http://[2001:2::1]/",
                "http://[5f00::1]/"
            })
    void a_special_purpose_address_is_refused(String url) {
        assertThatThrownBy(() -> fixture.useCases
                        .createWebhook()
                        .create(new CreateWebhookCommand(Fixture.adminOf(acme), url, Set.of())))
                .isInstanceOf(InvalidInput.class)
                .satisfies(e -> assertThat(((InvalidInput) e).violations())
                        .containsExactly(new Violation(Input.URL, Rule.NOT_PUBLIC, 0)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://8.8.8.8:22/", "https://8.8.8.8:25/", "http://8.8.8.8:0/", "http://8.8.8.8:1023/"})
    void a_port_below_1024_other_than_80_and_443_is_refused(String url) {
        assertThatThrownBy(() -> fixture.useCases
                        .createWebhook()
                        .create(new CreateWebhookCommand(Fixture.adminOf(acme), url, Set.of())))
                .isInstanceOf(InvalidInput.class)
                .satisfies(e -> assertThat(((InvalidInput) e).violations())
                        .containsExactly(new Violation(Input.URL, Rule.PORT_NOT_ALLOWED, 0)));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://8.8.8.8/",
                "https://8.8.8.8/",
                "http://8.8.8.8:80/",
                "https://8.8.8.8:443/",
                "http://8.8.8.8:443/",
                "https://8.8.8.8:1024/",
                "http://8.8.8.8:65535/"
            })
    void ports_80_443_and_1024_up_are_allowed(String url) {
        assertThat(fixture.useCases
                        .createWebhook()
                        .create(new CreateWebhookCommand(Fixture.adminOf(acme), url, Set.of()))
                        .endpoint()
                        .url())
                .isEqualTo(url);
    }

    @Test
    void allowing_private_targets_lifts_the_port_rule_too() {
        assertThat(useCases.createWebhook()
                        .create(new CreateWebhookCommand(Fixture.adminOf(acme), "http://127.0.0.1:22/", Set.of()))
                        .endpoint()
                        .url())
                .isEqualTo("http://127.0.0.1:22/");
    }

    /** The sender checks again as it connects (HttpWebhookSenderTest): here, the check at creation. */
    @Test
    void a_name_is_checked_by_every_address_it_resolves_to() throws UnknownHostException {
        var answers = Map.of(
                "hooks.acme.test", List.of(InetAddress.getByName("8.8.8.8")),
                "split.acme.test", List.of(InetAddress.getByName("8.8.4.4"), InetAddress.getByName("10.0.0.7")));
        HostResolver resolver =
                host -> Optional.ofNullable(answers.get(host)).orElseThrow(() -> new UnknownHostException(host));
        var webhooks = new WhitelabelUseCases(
                        fixture.storage,
                        new BcryptPasswordHasher(4),
                        fixture.clock,
                        WebhookPolicy.publicTargetsOnly(),
                        LoginThrottle.DEFAULT,
                        resolver)
                .createWebhook();

        assertThat(webhooks.create(
                                new CreateWebhookCommand(Fixture.adminOf(acme), "https://hooks.acme.test/in", Set.of()))
                        .endpoint()
                        .url())
                .isEqualTo("https://hooks.acme.test/in");
        assertThatThrownBy(() -> webhooks.create(
                        new CreateWebhookCommand(Fixture.adminOf(acme), "https://split.acme.test/in", Set.of())))
                .satisfies(e -> assertThat(((InvalidInput) e).violations())
                        .containsExactly(new Violation(Input.URL, Rule.NOT_PUBLIC, 0)));
        assertThatThrownBy(() -> webhooks.create(
                        new CreateWebhookCommand(Fixture.adminOf(acme), "https://nowhere.acme.test/in", Set.of())))
                .satisfies(e -> assertThat(((InvalidInput) e).violations())
                        .containsExactly(new Violation(Input.URL, Rule.HOST_DOES_NOT_RESOLVE, 0)));
    }

    @Test
    void by_default_a_target_must_be_public_http() {
        var publicOnly = fixture.useCases.createWebhook();
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
            assertThatThrownBy(() -> publicOnly.create(new CreateWebhookCommand(Fixture.adminOf(acme), url, Set.of())))
                    .as(url)
                    .isInstanceOf(InvalidInput.class);
        }
    }

    /** Holds every send to {@code slowUrl} until released; answers every other one at once. */
    static final class HoldingSender implements WebhookSender {
        final String slowUrl;
        final List<CompletableFuture<Outcome>> held = new ArrayList<>();
        final List<String> sentTo = new ArrayList<>();

        HoldingSender(String slowUrl) {
            this.slowUrl = slowUrl;
        }

        @Override
        public synchronized CompletableFuture<Outcome> send(DueDelivery delivery) {
            String url = delivery.url();
            sentTo.add(url);
            if (!url.equals(slowUrl)) {
                return CompletableFuture.completedFuture(new Outcome(Optional.of(204), Optional.empty()));
            }
            var answer = new CompletableFuture<Outcome>();
            held.add(answer);
            return answer;
        }
    }

    @Test
    void a_slow_endpoint_holds_its_own_share_of_attempts_and_another_endpoints_deliveries_go_past_it() {
        var slow = useCases.createWebhook()
                .create(new CreateWebhookCommand(Fixture.adminOf(acme), "http://127.0.0.1:9/slow", Set.of()));
        var quick = useCases.createWebhook()
                .create(new CreateWebhookCommand(Fixture.adminOf(globex), "http://127.0.0.1:9/quick", Set.of()));
        var holding = new HoldingSender("http://127.0.0.1:9/slow");
        var limits = new DeliveryLimits(Duration.ofSeconds(5), 2, 512);
        var deliver = useCases.deliverWebhooks(holding, limits);
        var ann = fixture.user(acme, "ann@acme.test");
        var bo = fixture.user(globex, "bo@globex.test");
        for (int i = 0; i < 20; i++) {
            useCases.logoutPlatformUser().logout(Fixture.adminOf(acme), LogoutTarget.user(ann.id()));
        }
        useCases.logoutPlatformUser().logout(Fixture.adminOf(globex), LogoutTarget.user(bo.id()));

        var first = deliver.step();
        var second = deliver.step();

        assertThat(holding.held)
                .as("the slow endpoint's attempts running at once")
                .hasSize(2);
        assertThat(first.started() + second.started()).isEqualTo(3);
        assertThat(second.delivered())
                .as("the quick endpoint's, recorded by the next step")
                .isEqualTo(1);
        assertThat(deliver.held())
                .as("the slow endpoint's two running and the rest of its claim waiting")
                .isEqualTo(limits.claimedPerEndpoint());
        useCases.logoutPlatformUser().logout(Fixture.adminOf(globex), LogoutTarget.user(bo.id()));
        deliver.step();
        assertThat(holding.sentTo.stream().filter(url -> url.endsWith("/quick")))
                .hasSize(2);

        List.copyOf(holding.held)
                .forEach(answer -> answer.complete(WebhookSender.Outcome.failed("timed out after 5000 ms")));
        assertThat(holding.held)
                .as("the next two of its claim, started as the two before them ended")
                .hasSize(4);
        var third = deliver.step();
        assertThat(third.retrying()).isEqualTo(2);
        assertThat(useCases.listWebhookDeliveries()
                        .deliveries(new WebhookDeliveriesQuery(
                                Fixture.adminOf(acme), slow.endpoint().id(), new PageRequest(1, 100)))
                        .items())
                .filteredOn(delivery -> delivery.attempts() == 1)
                .hasSize(2)
                .allSatisfy(delivery -> assertThat(delivery.lastError()).contains("timed out after 5000 ms"));
        assertThat(quick.endpoint().id()).isNotEqualTo(slow.endpoint().id());
    }

    @Test
    void a_claimed_delivery_that_could_not_end_before_its_claim_lapses_is_left_for_the_next_claim() {
        useCases.createWebhook()
                .create(new CreateWebhookCommand(Fixture.adminOf(acme), "http://127.0.0.1:9/slow", Set.of()));
        var holding = new HoldingSender("http://127.0.0.1:9/slow");
        var limits = new DeliveryLimits(Duration.ofSeconds(5), 1, 512);
        var deliver = useCases.deliverWebhooks(holding, limits);
        var ann = fixture.user(acme, "ann@acme.test");
        useCases.logoutPlatformUser().logout(Fixture.adminOf(acme), LogoutTarget.user(ann.id()));
        useCases.logoutPlatformUser().logout(Fixture.adminOf(acme), LogoutTarget.user(ann.id()));
        assertThat(deliver.step().started()).isEqualTo(1);
        assertThat(deliver.held()).as("one running, one waiting its turn").isEqualTo(2);

        fixture.clock.advance(limits.lease().minus(limits.attemptDeadline()));
        holding.held.get(0).complete(new WebhookSender.Outcome(Optional.of(204), Optional.empty()));
        var late = deliver.step();

        assertThat(late.delivered()).isEqualTo(1);
        assertThat(late.started()).as("too late to end within its claim").isZero();
        assertThat(deliver.held()).isZero();
        fixture.clock.advance(limits.attemptDeadline());
        assertThat(deliver.step().started())
                .as("claimed again once the claim lapsed")
                .isEqualTo(1);
        assertThat(holding.held).hasSize(2);
    }

    @Test
    void once_the_dispatcher_runs_a_delivery_is_written_claimed_for_it_and_sent_without_a_claim() {
        useCases.createWebhook()
                .create(new CreateWebhookCommand(Fixture.adminOf(acme), "http://127.0.0.1:9/all", Set.of()));
        var deliver = useCases.deliverWebhooks(sender);
        var otherInstance = new WhitelabelUseCases(
                        fixture.storage, new BcryptPasswordHasher(4), fixture.clock, new WebhookPolicy(true))
                .deliverWebhooks(new RecordingSender());
        assertThat(deliver.step().idle()).isTrue();
        var ann = fixture.user(acme, "ann@acme.test");

        useCases.logoutPlatformUser().logout(Fixture.adminOf(acme), LogoutTarget.user(ann.id()));

        assertThat(otherInstance.deliverDue().attempted())
                .as("claimed from birth by the instance that wrote it")
                .isZero();
        assertThat(deliver.deliverDue().delivered()).isEqualTo(1);
        assertThat(sender.sent)
                .singleElement()
                .satisfies(sent ->
                        assertThat(sent.leaseUntil()).isEqualTo(Fixture.NOW.plus(DeliveryLimits.DEFAULT.lease())));
    }

    @Test
    void a_delivery_written_claimed_by_an_instance_that_died_is_sent_by_another_once_the_claim_lapses() {
        useCases.createWebhook()
                .create(new CreateWebhookCommand(Fixture.adminOf(acme), "http://127.0.0.1:9/all", Set.of()));
        useCases.deliverWebhooks(sender).step();
        var otherSender = new RecordingSender();
        var otherInstance = new WhitelabelUseCases(
                        fixture.storage, new BcryptPasswordHasher(4), fixture.clock, new WebhookPolicy(true))
                .deliverWebhooks(otherSender);
        var ann = fixture.user(acme, "ann@acme.test");
        useCases.logoutPlatformUser().logout(Fixture.adminOf(acme), LogoutTarget.user(ann.id()));

        fixture.clock.advance(DeliveryLimits.DEFAULT.lease().minusMillis(1));
        assertThat(otherInstance.deliverDue().attempted()).isZero();
        fixture.clock.advance(Duration.ofMillis(1));

        assertThat(otherInstance.deliverDue().delivered()).isEqualTo(1);
        assertThat(sender.sent).as("the writer never stepped again").isEmpty();
        assertThat(otherSender.sent).hasSize(1);
    }

    @Test
    void a_stopped_dispatcher_takes_nothing_more_and_what_is_written_is_due_at_once() {
        useCases.createWebhook()
                .create(new CreateWebhookCommand(Fixture.adminOf(acme), "http://127.0.0.1:9/all", Set.of()));
        var deliver = useCases.deliverWebhooks(sender);
        deliver.step();
        deliver.finish(Duration.ZERO);
        var ann = fixture.user(acme, "ann@acme.test");
        useCases.logoutPlatformUser().logout(Fixture.adminOf(acme), LogoutTarget.user(ann.id()));

        var otherInstance = new WhitelabelUseCases(
                        fixture.storage, new BcryptPasswordHasher(4), fixture.clock, new WebhookPolicy(true))
                .deliverWebhooks(new RecordingSender());
        assertThat(otherInstance.deliverDue().delivered()).isEqualTo(1);
    }
}
