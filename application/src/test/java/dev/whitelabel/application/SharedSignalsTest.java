package dev.whitelabel.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.whitelabel.domain.error.Input;
import dev.whitelabel.domain.error.InvalidInput;
import dev.whitelabel.domain.error.NotWhiteLabelAdmin;
import dev.whitelabel.domain.error.StreamNotFound;
import dev.whitelabel.domain.error.TokenNotFound;
import dev.whitelabel.domain.error.Violation;
import dev.whitelabel.domain.error.Violation.Rule;
import dev.whitelabel.domain.model.Abilities;
import dev.whitelabel.domain.model.Actor;
import dev.whitelabel.domain.model.DeliveryLimits;
import dev.whitelabel.domain.model.EventStream;
import dev.whitelabel.domain.model.LogoutTarget;
import dev.whitelabel.domain.model.Password;
import dev.whitelabel.domain.model.PlatformCreated;
import dev.whitelabel.domain.model.SecurityEventType;
import dev.whitelabel.domain.model.SigningKey;
import dev.whitelabel.domain.model.StreamDelivery;
import dev.whitelabel.domain.model.StreamPush;
import dev.whitelabel.domain.model.StreamStatus;
import dev.whitelabel.domain.model.User;
import dev.whitelabel.domain.port.in.ChangeStreamStatusCommand;
import dev.whitelabel.domain.port.in.PollSecurityEventsCommand;
import dev.whitelabel.domain.port.in.PolledSecurityEvents;
import dev.whitelabel.domain.port.in.SetPasswordCommand;
import dev.whitelabel.domain.port.in.StreamSettings;
import dev.whitelabel.domain.port.in.VerifyEventStreamCommand;
import dev.whitelabel.domain.port.out.PendingSecurityEvent;
import dev.whitelabel.domain.port.out.SecurityEventPusher;
import dev.whitelabel.domain.port.out.SecurityEventSigner;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Shared Signals streams, the events each change puts in them, polling and pushing, on the in-memory adapter. */
class SharedSignalsTest {

    /** Signs as {@code type|jti|stream|key}, so that a test reads what was signed with which key. */
    static class RecordingSigner implements SecurityEventSigner {
        int keys;

        @Override
        public NewKey newKey() {
            keys++;
            return new NewKey("key-" + keys, "{\"kid\":\"key-" + keys + "\"}", "sealed-" + keys);
        }

        @Override
        public String sign(SigningKey key, EventStream stream, PendingSecurityEvent event) {
            return event.event().type() + "|" + event.id() + "|" + stream.id() + "|" + key.keyId() + "|"
                    + event.event().transaction().map(String::valueOf).orElse("-")
                    + event.event()
                            .statusChange()
                            .map(change -> "|" + change.status() + "|"
                                    + change.reason().orElse("-"))
                            .orElse("");
        }
    }

    /** Answers every push with {@code outcome}, keeping the tokens pushed. */
    static final class RecordingPusher implements SecurityEventPusher {
        final List<String> pushed = new ArrayList<>();
        Outcome outcome = Outcome.ACCEPTED;

        @Override
        public CompletableFuture<Outcome> push(StreamDelivery delivery, String token) {
            pushed.add(delivery.endpointUrl().orElseThrow() + " " + token);
            return CompletableFuture.completedFuture(outcome);
        }
    }

    final Fixture fixture = new Fixture();
    final WhitelabelUseCases useCases = fixture.useCasesAllowingPrivateTargets;
    final RecordingSigner signer = new RecordingSigner();
    final TransmitterUseCases transmitter = useCases.transmitter(signer);
    final PlatformCreated acme = fixture.platform("acme");
    final PlatformCreated globex = fixture.platform("globex");
    final Actor admin = Fixture.adminOf(acme);

    EventStream pollStream(Actor actor, Set<SecurityEventType> events) {
        return useCases.createEventStream()
                .create(actor, new StreamSettings(StreamDelivery.POLL, events, Optional.empty()));
    }

    PolledSecurityEvents poll(Actor actor, EventStream stream, Set<Long> acknowledged, int max) {
        return transmitter
                .pollSecurityEvents()
                .poll(new PollSecurityEventsCommand(actor, stream.id(), acknowledged, Set.of(), max));
    }

    List<String> types(PolledSecurityEvents polled) {
        return polled.tokens().values().stream()
                .map(token -> token.split("\\|")[0])
                .toList();
    }

    @Test
    void a_logout_reaches_the_streams_of_its_platform_that_asked_for_it_and_no_other() {
        var all = pollStream(admin, SecurityEventType.REQUESTABLE);
        var accountsOnly = pollStream(admin, EnumSet.of(SecurityEventType.ACCOUNT_DISABLED));
        var globexStream = pollStream(Fixture.adminOf(globex), SecurityEventType.REQUESTABLE);
        User ann = fixture.user(acme, "ann@acme.test");
        fixture.token(ann);

        useCases.logoutPlatformUser().logout(admin, LogoutTarget.user(ann.id()));

        assertThat(types(poll(admin, all, Set.of(), 10))).containsExactly("SESSION_REVOKED");
        assertThat(poll(admin, accountsOnly, Set.of(), 10).tokens()).isEmpty();
        assertThat(poll(Fixture.adminOf(globex), globexStream, Set.of(), 10).tokens())
                .isEmpty();
    }

    @Test
    void a_logout_that_ended_no_token_tells_nothing_and_one_rolled_back_tells_nobody() {
        var stream = pollStream(admin, SecurityEventType.REQUESTABLE);
        User ann = fixture.user(acme, "ann@acme.test");

        useCases.logoutPlatformUser().logout(admin, LogoutTarget.user(ann.id()));
        assertThatThrownBy(() -> useCases.logoutPlatformUser()
                        .logout(admin, LogoutTarget.user(ann.id()).onlyToken(999)))
                .isInstanceOf(TokenNotFound.class);

        assertThat(poll(admin, stream, Set.of(), 10).tokens()).isEmpty();
    }

    @Test
    void account_changes_are_told_before_the_sessions_they_ended_under_one_transaction() {
        var stream = pollStream(admin, SecurityEventType.REQUESTABLE);
        User ann = fixture.user(acme, "ann@acme.test");
        fixture.token(ann);

        useCases.setPassword().setPassword(new SetPasswordCommand(admin, ann.id(), new Password("a new passphrase 1")));
        var polled = poll(admin, stream, Set.of(), 10);
        assertThat(types(polled)).containsExactly("CREDENTIAL_CHANGE", "SESSION_REVOKED");
        assertThat(polled.tokens().values().stream()
                        .map(token -> token.split("\\|")[4])
                        .distinct())
                .hasSize(1);

        poll(admin, stream, polled.tokens().keySet(), 0);
        useCases.disableUser().disable(admin, ann.id());
        useCases.enableUser().enable(admin, ann.id());
        useCases.deleteUser().delete(admin, ann.id());
        assertThat(types(poll(admin, stream, Set.of(), 10)))
                .containsExactly("ACCOUNT_DISABLED", "ACCOUNT_ENABLED", "ACCOUNT_PURGED");
    }

    @Test
    void a_poll_forgets_what_was_acknowledged_and_says_when_more_is_held() {
        var stream = pollStream(admin, SecurityEventType.REQUESTABLE);
        User ann = fixture.user(acme, "ann@acme.test");
        for (int i = 0; i < 3; i++) {
            fixture.token(ann);
            useCases.logoutPlatformUser().logout(admin, LogoutTarget.user(ann.id()));
        }

        var first = poll(admin, stream, Set.of(), 2);
        assertThat(first.tokens()).hasSize(2);
        assertThat(first.moreAvailable()).isTrue();
        assertThat(poll(admin, stream, Set.of(), 2).tokens().keySet())
                .isEqualTo(first.tokens().keySet());

        var rest = poll(admin, stream, first.tokens().keySet(), 2);
        assertThat(rest.tokens())
                .hasSize(1)
                .doesNotContainKeys(first.tokens().keySet().toArray(Long[]::new));
        assertThat(rest.moreAvailable()).isFalse();
    }

    @Test
    void another_platforms_admin_or_a_user_cannot_read_or_change_a_stream() {
        var stream = pollStream(admin, SecurityEventType.REQUESTABLE);
        var intruder = Fixture.adminOf(globex);

        assertThatThrownBy(() -> poll(intruder, stream, Set.of(), 10)).isInstanceOf(StreamNotFound.class);
        assertThatThrownBy(() -> useCases.deleteEventStream().delete(intruder, stream.id()))
                .isInstanceOf(StreamNotFound.class);
        assertThatThrownBy(() -> useCases.changeStreamStatus()
                        .change(new ChangeStreamStatusCommand(
                                intruder, stream.id(), StreamStatus.DISABLED, Optional.empty())))
                .isInstanceOf(StreamNotFound.class);
        User ann = fixture.user(acme, "ann@acme.test");
        assertThatThrownBy(() -> useCases.listEventStreams().list(new Actor.TokenOwner(ann, Abilities.EVERYTHING)))
                .isInstanceOf(NotWhiteLabelAdmin.class);
        assertThat(useCases.listEventStreams().list(admin))
                .extracting(EventStream::id)
                .containsExactly(stream.id());
    }

    @Test
    void a_paused_stream_holds_its_events_and_a_disabled_one_drops_them() {
        var stream = pollStream(admin, SecurityEventType.REQUESTABLE);
        User ann = fixture.user(acme, "ann@acme.test");
        fixture.token(ann);
        setStatus(stream, StreamStatus.PAUSED);

        useCases.logoutPlatformUser().logout(admin, LogoutTarget.user(ann.id()));
        assertThat(poll(admin, stream, Set.of(), 10).tokens()).isEmpty();
        setStatus(stream, StreamStatus.ENABLED);
        assertThat(types(poll(admin, stream, Set.of(), 10)))
                .as("what the admin's pause held, the pause's own news first")
                .containsExactly("STREAM_UPDATED", "SESSION_REVOKED", "STREAM_UPDATED");

        setStatus(stream, StreamStatus.DISABLED);
        fixture.token(ann);
        useCases.logoutPlatformUser().logout(admin, LogoutTarget.user(ann.id()));
        setStatus(stream, StreamStatus.ENABLED);
        assertThat(types(poll(admin, stream, Set.of(), 10)))
                .as("nothing the disabled stream held or was sent; only that it is enabled again")
                .containsExactly("STREAM_UPDATED");
    }

    @Test
    void the_receiver_is_told_of_a_status_it_did_not_set() {
        var receiver = Actor.serviceClient(
                useCases.createServiceClient().create(admin, "receiver").client());
        var stream = pollStream(receiver, Set.of());

        useCases.changeStreamStatus()
                .change(new ChangeStreamStatusCommand(receiver, stream.id(), StreamStatus.PAUSED, Optional.of("mine")));
        useCases.changeStreamStatus()
                .change(new ChangeStreamStatusCommand(receiver, stream.id(), StreamStatus.ENABLED, Optional.empty()));
        assertThat(poll(receiver, stream, Set.of(), 10).tokens())
                .as("the receiver's own changes: it knows of them")
                .isEmpty();

        useCases.changeStreamStatus()
                .change(new ChangeStreamStatusCommand(admin, stream.id(), StreamStatus.ENABLED, Optional.of("same")));
        assertThat(poll(receiver, stream, Set.of(), 10).tokens())
                .as("a status set again unchanged: nothing changed")
                .isEmpty();

        useCases.changeStreamStatus()
                .change(new ChangeStreamStatusCommand(
                        Actor.operator(acme.platform().id()), stream.id(), StreamStatus.PAUSED, Optional.empty()));
        useCases.changeStreamStatus()
                .change(new ChangeStreamStatusCommand(admin, stream.id(), StreamStatus.ENABLED, Optional.of("back")));
        assertThat(poll(receiver, stream, Set.of(), 10).tokens().values())
                .extracting(token -> token.replaceAll("\\|\\d+\\|\\d+\\|[^|]+\\|-", ""))
                .containsExactly("STREAM_UPDATED|PAUSED|-", "STREAM_UPDATED|ENABLED|back");
    }

    void setStatus(EventStream stream, StreamStatus status) {
        useCases.changeStreamStatus()
                .change(new ChangeStreamStatusCommand(admin, stream.id(), status, Optional.of("testing")));
    }

    @Test
    void a_verification_event_carries_the_receivers_state() {
        var stream = pollStream(admin, EnumSet.noneOf(SecurityEventType.class));

        useCases.verifyEventStream().verify(new VerifyEventStreamCommand(admin, stream.id(), Optional.of("abc")));

        assertThat(types(poll(admin, stream, Set.of(), 10))).containsExactly("VERIFICATION");
    }

    @Test
    void a_push_target_is_held_to_the_webhooks_rules_and_its_header_to_one_printable_line() {
        var strict = fixture.useCases.createEventStream();
        assertThatThrownBy(() -> strict.create(admin, pushTo("http://127.0.0.1:9100/ssf", Optional.empty())))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        invalid -> assertThat(invalid.violations())
                                .containsExactly(Violation.of(Input.ENDPOINT_URL, Rule.NOT_PUBLIC)));
        assertThatThrownBy(() -> useCases.createEventStream()
                        .create(admin, pushTo("http://127.0.0.1:9/ssf", Optional.of("Bearer x\r\nX-Evil: 1"))))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        invalid -> assertThat(invalid.violations())
                                .containsExactly(Violation.of(Input.AUTHORIZATION_HEADER, Rule.CONTROL_CHARACTERS)));
    }

    @Test
    void a_platform_holds_at_most_twenty_streams() {
        for (int i = 0; i < ManageEventStreams.MOST_STREAMS; i++) {
            pollStream(admin, Set.of());
        }
        assertThatThrownBy(() -> pollStream(admin, Set.of()))
                .isInstanceOfSatisfying(
                        InvalidInput.class,
                        invalid -> assertThat(invalid.violations())
                                .containsExactly(new Violation(Input.STREAM, Rule.AT_MOST_PER_PLATFORM, 20)));
        assertThat(useCases.listEventStreams().list(Fixture.adminOf(globex))).isEmpty();
    }

    StreamSettings pushTo(String url, Optional<String> authorization) {
        return new StreamSettings(
                StreamDelivery.push(url, authorization), SecurityEventType.REQUESTABLE, Optional.empty());
    }

    @Test
    void pushes_are_signed_sent_and_forgotten_once_accepted_retried_when_not_and_kept_when_refused() {
        var pusher = new RecordingPusher();
        var deliver = useCases.deliverSecurityEvents(fixture.storage, signer, pusher, DeliveryLimits.DEFAULT);
        var stream =
                useCases.createEventStream().create(admin, pushTo("http://127.0.0.1:9/ssf", Optional.of("Bearer r")));
        User ann = fixture.user(acme, "ann@acme.test");
        fixture.token(ann);
        useCases.logoutPlatformUser().logout(admin, LogoutTarget.user(ann.id()));

        pusher.outcome = SecurityEventPusher.Outcome.failed("answered 503", true);
        assertThat(deliver.deliverDue()).isEqualTo(1);
        assertThat(deliver.deliverDue()).isZero();
        Instant failedAt = fixture.clock.instant();
        assertThat(useCases.findEventStream().lastPush(admin, stream.id()))
                .contains(new StreamPush(failedAt, Optional.of("answered 503")));
        assertThat(useCases.findEventStream().lastPush(Fixture.adminOf(globex), stream.id()))
                .as("another platform's stream")
                .isEmpty();
        assertThatThrownBy(() -> useCases.findEventStream()
                        .lastPush(new Actor.TokenOwner(ann, Abilities.EVERYTHING), stream.id()))
                .isInstanceOf(NotWhiteLabelAdmin.class);

        fixture.clock.advance(Duration.ofMinutes(1));
        pusher.outcome = SecurityEventPusher.Outcome.ACCEPTED;
        assertThat(deliver.deliverDue()).isEqualTo(1);
        assertThat(useCases.findEventStream().lastPush(admin, stream.id()))
                .as("the success after it")
                .contains(new StreamPush(failedAt.plus(Duration.ofMinutes(1)), Optional.empty()));
        fixture.clock.advance(Duration.ofDays(2));
        assertThat(deliver.deliverDue()).isZero();
        assertThat(pusher.pushed)
                .hasSize(2)
                .allSatisfy(pushed -> assertThat(pushed)
                        .startsWith("http://127.0.0.1:9/ssf SESSION_REVOKED|")
                        .contains("|key-1|"));

        fixture.token(ann);
        useCases.logoutPlatformUser().logout(admin, LogoutTarget.user(ann.id()));
        pusher.outcome = SecurityEventPusher.Outcome.failed("answered 400", false);
        assertThat(deliver.deliverDue()).isEqualTo(1);
        fixture.clock.advance(Duration.ofDays(2));
        assertThat(deliver.deliverDue()).isZero();
    }

    @Test
    void a_push_whose_signing_stalled_past_what_its_claim_allows_is_left_for_the_next_claim() {
        var pusher = new RecordingPusher();
        var limits = DeliveryLimits.DEFAULT;
        var stalling = new RecordingSigner() {
            @Override
            public String sign(SigningKey key, EventStream stream, PendingSecurityEvent event) {
                fixture.clock.advance(limits.lease().minus(limits.attemptDeadline()));
                return super.sign(key, stream, event);
            }
        };
        var deliver = useCases.deliverSecurityEvents(fixture.storage, stalling, pusher, limits);
        useCases.createEventStream().create(admin, pushTo("http://127.0.0.1:9/ssf", Optional.empty()));
        User ann = fixture.user(acme, "ann@acme.test");
        fixture.token(ann);
        useCases.logoutPlatformUser().logout(admin, LogoutTarget.user(ann.id()));

        assertThat(deliver.deliverDue()).as("claimed").isEqualTo(1);

        assertThat(pusher.pushed)
                .as("another instance could claim it while it ran")
                .isEmpty();
        fixture.clock.advance(limits.attemptDeadline());
        assertThat(useCases.deliverSecurityEvents(fixture.storage, signer, pusher, limits)
                        .deliverDue())
                .as("due again once the claim lapsed")
                .isEqualTo(1);
        assertThat(pusher.pushed).hasSize(1);
    }

    @Test
    void the_first_key_is_made_on_first_use_and_a_rotated_one_stays_published_for_a_day() {
        long platform = acme.platform().id();
        var first = transmitter.publishSigningKeys().published(platform);
        assertThat(first).extracting(SigningKey::keyId).containsExactly("key-1");
        assertThat(transmitter.publishSigningKeys().published(platform))
                .extracting(SigningKey::keyId)
                .containsExactly("key-1");

        var rotated = transmitter.rotateSigningKey().rotate(admin);
        assertThat(transmitter.publishSigningKeys().published(platform))
                .extracting(SigningKey::keyId)
                .containsExactly(rotated.keyId(), "key-1");
        fixture.clock.advance(Duration.ofDays(1).plusSeconds(1));
        assertThat(transmitter.publishSigningKeys().published(platform))
                .extracting(SigningKey::keyId)
                .containsExactly(rotated.keyId());
        assertThat(transmitter.publishSigningKeys().published(globex.platform().id()))
                .extracting(SigningKey::keyId)
                .doesNotContain("key-1", rotated.keyId());
    }
}
