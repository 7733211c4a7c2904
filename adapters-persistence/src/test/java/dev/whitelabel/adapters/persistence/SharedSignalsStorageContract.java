package dev.whitelabel.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.whitelabel.domain.model.EmailAddress;
import dev.whitelabel.domain.model.EventStream;
import dev.whitelabel.domain.model.Platform;
import dev.whitelabel.domain.model.SecurityEvent;
import dev.whitelabel.domain.model.SecurityEventType;
import dev.whitelabel.domain.model.SigningKey;
import dev.whitelabel.domain.model.StreamDelivery;
import dev.whitelabel.domain.model.StreamPush;
import dev.whitelabel.domain.model.StreamStatus;
import dev.whitelabel.domain.model.StreamSubject;
import dev.whitelabel.domain.port.out.DuePush;
import dev.whitelabel.domain.port.out.EventStreamEntry;
import dev.whitelabel.domain.port.out.EventStreamStore;
import dev.whitelabel.domain.port.out.PendingSecurityEvent;
import dev.whitelabel.domain.port.out.SecurityEventSigner.NewKey;
import dev.whitelabel.domain.port.out.Storage;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What every adapter of the Shared Signals ports must do: streams confined to their platform, the
 * outbox of their events, pushes claimed and recorded, and the platforms' signing keys. Run by
 * {@link StoragePortsContract}, on each adapter.
 */
interface SharedSignalsStorageContract {

    /** {@link StoragePortsContract#NOW}, which is not yet set when this interface is initialised before that class. */
    Instant AT = Instant.parse("2026-11-25T12:00:00Z");

    /** The storage of the running test, with two platforms. */
    Storage storage();

    Platform acme();

    Platform globex();

    default EventStreamStore streams() {
        return storage().eventStreams();
    }

    default EventStream pollStream(Platform platform, Set<SecurityEventType> events) {
        return streams()
                .add(new EventStreamEntry(
                        platform.id(),
                        "urn:uuid:poll-" + platform.id() + "-" + events.size(),
                        StreamDelivery.POLL,
                        events,
                        Optional.of("polled"),
                        AT));
    }

    default EventStream pushStream(Platform platform, Set<SecurityEventType> events) {
        return streams()
                .add(new EventStreamEntry(
                        platform.id(),
                        "urn:uuid:push-" + platform.id() + "-" + events.size(),
                        StreamDelivery.push("https://receiver.test/ssf", Optional.of("Bearer r")),
                        events,
                        Optional.empty(),
                        AT));
    }

    default EventStream withStatus(EventStream stream, StreamStatus status) {
        EventStream changed = stream.withStatus(status, Optional.of("testing"));
        assertThat(streams().update(changed)).isTrue();
        return changed;
    }

    /** Of a change to user 7, audit event 99. */
    default SecurityEvent securityEvent(Platform platform, SecurityEventType type) {
        return new SecurityEvent(
                type,
                AT.minusSeconds(1),
                platform.id(),
                Optional.of(7L),
                Optional.of("ann@acme.test"),
                Optional.of(11L),
                Optional.empty(),
                Optional.of(99L),
                Optional.empty(),
                Optional.empty());
    }

    default List<Long> pendingIds(EventStream stream) {
        return streams().pending(stream.platformId(), stream.id(), 100).stream()
                .map(PendingSecurityEvent::id)
                .toList();
    }

    default List<Long> claimedIds(List<DuePush> claimed) {
        return claimed.stream().map(push -> push.pending().id()).toList();
    }

    default List<DuePush> claim(Instant now, int max) {
        return streams().claimDuePushes(now, now.plusSeconds(60), max);
    }

    @Test
    default void a_stream_is_found_listed_updated_and_deleted_on_its_own_platform_only() {
        EventStream polled = pollStream(acme(), EnumSet.of(SecurityEventType.SESSION_REVOKED));
        EventStream pushed = pushStream(acme(), SecurityEventType.REQUESTABLE);
        EventStream globexs = pollStream(globex(), Set.of());

        assertThat(polled.status()).isEqualTo(StreamStatus.ENABLED);
        assertThat(polled.statusReason()).isEmpty();
        assertThat(streams().find(acme().id(), polled.id())).contains(polled);
        assertThat(streams().find(acme().id(), pushed.id())).contains(pushed);
        assertThat(streams().find(globex().id(), polled.id())).isEmpty();
        assertThat(streams().list(acme().id())).containsExactly(polled, pushed);
        assertThat(streams().list(globex().id())).containsExactly(globexs);

        EventStream changed = polled.withSettings(
                        StreamDelivery.push("https://receiver.test/other", Optional.empty()),
                        EnumSet.of(SecurityEventType.ACCOUNT_DISABLED, SecurityEventType.CREDENTIAL_CHANGE),
                        Optional.empty())
                .withStatus(StreamStatus.PAUSED, Optional.of("maintenance"));
        assertThat(streams().update(changed)).isTrue();
        assertThat(streams().find(acme().id(), polled.id())).contains(changed);
        EventStream none = pushed.withSettings(StreamDelivery.POLL, Set.of(), Optional.of("none"));
        assertThat(streams().update(none)).isTrue();
        assertThat(streams().find(acme().id(), pushed.id())).contains(none);

        EventStream elsewhere = new EventStream(
                polled.id(),
                globex().id(),
                polled.audience(),
                StreamDelivery.POLL,
                Set.of(),
                Optional.empty(),
                StreamStatus.DISABLED,
                Optional.empty(),
                AT);
        assertThat(streams().update(elsewhere)).isFalse();
        assertThat(streams().find(acme().id(), polled.id())).contains(changed);

        assertThat(streams().delete(globex().id(), polled.id())).isFalse();
        assertThat(streams().find(acme().id(), polled.id())).contains(changed);
        assertThat(streams().delete(acme().id(), polled.id())).isTrue();
        assertThat(streams().delete(acme().id(), polled.id())).isFalse();
        assertThat(streams().find(acme().id(), polled.id())).isEmpty();
        assertThat(streams().list(acme().id())).containsExactly(none);
    }

    @Test
    default void an_event_reaches_once_each_stream_of_its_platform_that_requested_it_and_is_not_disabled() {
        EventStream all = pollStream(acme(), SecurityEventType.REQUESTABLE);
        EventStream credentials = pollStream(acme(), EnumSet.of(SecurityEventType.CREDENTIAL_CHANGE));
        EventStream disabledAccounts = pushStream(acme(), EnumSet.of(SecurityEventType.ACCOUNT_DISABLED));
        EventStream nothing = pushStream(acme(), Set.of());
        EventStream paused = withStatus(
                pushStream(acme(), EnumSet.of(SecurityEventType.SESSION_REVOKED, SecurityEventType.ACCOUNT_ENABLED)),
                StreamStatus.PAUSED);
        EventStream disabled = withStatus(pollStream(acme(), SecurityEventType.REQUESTABLE), StreamStatus.DISABLED);
        EventStream otherPlatform = pollStream(globex(), SecurityEventType.REQUESTABLE);

        SecurityEvent revoked = securityEvent(acme(), SecurityEventType.SESSION_REVOKED);
        streams().enqueue(revoked, AT);
        streams().enqueue(securityEvent(acme(), SecurityEventType.ACCOUNT_ENABLED), AT);

        List<PendingSecurityEvent> inAll = streams().pending(acme().id(), all.id(), 10);
        assertThat(inAll).hasSize(2);
        assertThat(inAll.get(0).event()).isEqualTo(revoked);
        assertThat(inAll.get(0).streamId()).isEqualTo(all.id());
        assertThat(streams().pending(acme().id(), paused.id(), 10))
                .as("a paused stream holds what it requested")
                .extracting(pending -> pending.event().type())
                .containsExactly(SecurityEventType.SESSION_REVOKED, SecurityEventType.ACCOUNT_ENABLED);
        assertThat(pendingIds(credentials)).isEmpty();
        assertThat(pendingIds(disabledAccounts))
                .as("account-disabled is not account-enabled")
                .isEmpty();
        assertThat(pendingIds(nothing)).isEmpty();
        assertThat(pendingIds(disabled)).isEmpty();
        assertThat(pendingIds(otherPlatform)).as("another platform's stream").isEmpty();
        assertThat(streams().pending(globex().id(), all.id(), 10)).isEmpty();
    }

    @Test
    default void a_stream_takes_no_event_of_a_user_its_receiver_removed_by_email_or_id_until_added_back() {
        EventStream stream = pollStream(acme(), SecurityEventType.REQUESTABLE);
        EventStream sibling = pushStream(acme(), SecurityEventType.REQUESTABLE);
        EventStream globexs = pollStream(globex(), SecurityEventType.REQUESTABLE);
        StreamSubject ann = new StreamSubject.ByEmail(new EmailAddress(" Ann@ACME.test"));

        assertThat(streams().removeSubject(acme().id(), stream.id(), ann)).isTrue();
        assertThat(streams().removeSubject(acme().id(), stream.id(), ann))
                .as("removed twice is removed")
                .isTrue();
        assertThat(streams().removeSubject(globex().id(), stream.id(), ann))
                .as("another platform's stream")
                .isFalse();
        assertThat(streams().removeSubject(globex().id(), globexs.id(), new StreamSubject.ById(8)))
                .isTrue();
        streams().enqueue(userEvent(acme(), 7, "ann@acme.test"), AT);
        streams().enqueue(userEvent(acme(), 8, "bob@acme.test"), AT);
        streams().enqueueTo(stream.id(), SecurityEvent.verification(acme().id(), Optional.empty(), AT), AT);

        assertThat(users(stream))
                .as("Ann's email is removed, whatever its case; user 8 is removed from another platform's stream")
                .containsExactly(8L, null);
        assertThat(users(sibling)).containsExactly(7L, 8L);

        assertThat(streams().addSubject(acme().id(), stream.id(), new StreamSubject.ById(7)))
                .isTrue();
        streams().enqueue(userEvent(acme(), 7, "ann@acme.test"), AT);
        assertThat(users(stream))
                .as("adding user 7 does not add back the email Ann was removed by")
                .containsExactly(8L, null);

        assertThat(streams()
                        .addSubject(
                                acme().id(), stream.id(), new StreamSubject.ByEmail(new EmailAddress("ANN@acme.test"))))
                .isTrue();
        assertThat(streams().addSubject(globex().id(), stream.id(), ann)).isFalse();
        assertThat(streams().removeSubject(acme().id(), stream.id(), new StreamSubject.ById(8)))
                .isTrue();
        streams().enqueue(userEvent(acme(), 7, "ann@acme.test"), AT);
        streams().enqueue(userEvent(acme(), 8, "bobby@acme.test"), AT);
        assertThat(users(stream))
                .as("Ann added back; user 8 removed by id, whatever its email")
                .containsExactly(8L, null, 7L);

        assertThat(streams().delete(acme().id(), stream.id())).isTrue();
    }

    private static SecurityEvent userEvent(Platform platform, long userId, String email) {
        return new SecurityEvent(
                SecurityEventType.SESSION_REVOKED,
                AT,
                platform.id(),
                Optional.of(userId),
                Optional.of(email),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                Optional.empty());
    }

    /** The user of each event the stream holds, oldest first; null for none. */
    private List<Long> users(EventStream stream) {
        return streams().pending(stream.platformId(), stream.id(), 100).stream()
                .map(pending -> pending.event().userId().orElse(null))
                .toList();
    }

    @Test
    default void every_field_of_an_event_is_kept() {
        EventStream stream = pollStream(acme(), SecurityEventType.REQUESTABLE);
        var kept = new SecurityEvent(
                SecurityEventType.SESSION_REVOKED,
                AT,
                acme().id(),
                Optional.of(70L),
                Optional.of("Ann@Acme.test"),
                Optional.empty(),
                Optional.of(12L),
                Optional.of(700L),
                Optional.empty(),
                Optional.empty());
        var verification = SecurityEvent.verification(acme().id(), Optional.of("state \u00e9\ud83d\ude00"), AT);
        var paused = SecurityEvent.streamUpdated(
                acme().id(),
                new SecurityEvent.StatusChange(StreamStatus.PAUSED, Optional.of("reason \u00e9\ud83d\ude00")),
                AT);
        var enabled = SecurityEvent.streamUpdated(
                acme().id(), new SecurityEvent.StatusChange(StreamStatus.ENABLED, Optional.empty()), AT);

        streams().enqueue(kept, AT);
        streams().enqueueTo(stream.id(), verification, AT);
        streams().enqueueTo(stream.id(), paused, AT);
        streams().enqueueTo(stream.id(), enabled, AT);

        assertThat(streams().pending(acme().id(), stream.id(), 10))
                .extracting(PendingSecurityEvent::event)
                .containsExactly(kept, verification, paused, enabled);
    }

    @Test
    default void an_event_is_in_the_streams_exactly_when_its_transaction_committed() {
        EventStream stream = pollStream(acme(), SecurityEventType.REQUESTABLE);
        EventStream pushed = pushStream(acme(), SecurityEventType.REQUESTABLE);

        assertThatThrownBy(() -> storage().transactions().inTransaction(() -> {
                    streams().enqueue(securityEvent(acme(), SecurityEventType.ACCOUNT_PURGED), AT);
                    streams().enqueueTo(stream.id(), SecurityEvent.verification(acme().id(), Optional.empty(), AT), AT);
                    pollStream(acme(), Set.of());
                    assertThat(streams().update(stream.withStatus(StreamStatus.PAUSED, Optional.empty())))
                            .isTrue();
                    assertThat(streams().delete(acme().id(), pushed.id())).isTrue();
                    storage().signingKeys().add(acme().id(), new NewKey("rolled-back", "{}", "sealed"), AT);
                    throw new IllegalStateException("boom");
                }))
                .hasMessage("boom");

        assertThat(pendingIds(stream)).isEmpty();
        assertThat(claim(AT, 10)).isEmpty();
        assertThat(streams().list(acme().id())).containsExactly(stream, pushed);
        assertThat(storage().signingKeys().current(acme().id())).isEmpty();

        List<DuePush> claimed = storage().transactions().inTransaction(() -> {
            streams().enqueue(securityEvent(acme(), SecurityEventType.ACCOUNT_PURGED), AT);
            return claim(AT, 10);
        });
        assertThat(pendingIds(stream)).hasSize(1);
        assertThat(claimed).hasSize(1);
        assertThat(claim(AT, 10)).as("claimed in the transaction").isEmpty();
    }

    @Test
    default void a_verification_goes_to_the_one_stream_named_on_its_platform_whatever_it_requested() {
        EventStream asked = pollStream(acme(), Set.of());
        EventStream other = pollStream(acme(), SecurityEventType.REQUESTABLE);
        EventStream globexs = pollStream(globex(), SecurityEventType.REQUESTABLE);

        streams().enqueueTo(asked.id(), SecurityEvent.verification(acme().id(), Optional.of("abc"), AT), AT);
        streams().enqueueTo(globexs.id(), SecurityEvent.verification(acme().id(), Optional.of("abc"), AT), AT);

        assertThat(streams().pending(acme().id(), asked.id(), 10))
                .singleElement()
                .satisfies(pending -> assertThat(pending.event().state()).contains("abc"));
        assertThat(pendingIds(other)).isEmpty();
        assertThat(pendingIds(globexs))
                .as("another platform's stream, named by its id")
                .isEmpty();
    }

    @Test
    default void pending_events_are_the_oldest_first_up_to_the_limit() {
        EventStream stream = pollStream(acme(), SecurityEventType.REQUESTABLE);
        for (SecurityEventType type : List.of(
                SecurityEventType.CREDENTIAL_CHANGE,
                SecurityEventType.ACCOUNT_DISABLED,
                SecurityEventType.ACCOUNT_ENABLED)) {
            streams().enqueue(securityEvent(acme(), type), AT);
        }

        List<PendingSecurityEvent> two = streams().pending(acme().id(), stream.id(), 2);
        assertThat(two)
                .extracting(pending -> pending.event().type())
                .containsExactly(SecurityEventType.CREDENTIAL_CHANGE, SecurityEventType.ACCOUNT_DISABLED);
        assertThat(two.get(0).id()).isLessThan(two.get(1).id());
        assertThat(streams().holdsMoreThan(acme().id(), stream.id(), 2)).isTrue();
        assertThat(streams().holdsMoreThan(acme().id(), stream.id(), 3)).isFalse();
        assertThat(streams().holdsMoreThan(globex().id(), stream.id(), 0)).isFalse();
    }

    @Test
    default void acknowledging_forgets_only_the_named_streams_own_events() {
        EventStream stream = pollStream(acme(), SecurityEventType.REQUESTABLE);
        EventStream sibling = pollStream(acme(), SecurityEventType.REQUESTABLE);
        EventStream globexs = pollStream(globex(), SecurityEventType.REQUESTABLE);
        streams().enqueue(securityEvent(acme(), SecurityEventType.CREDENTIAL_CHANGE), AT);
        streams().enqueue(securityEvent(acme(), SecurityEventType.ACCOUNT_DISABLED), AT);
        streams().enqueue(securityEvent(acme(), SecurityEventType.ACCOUNT_ENABLED), AT);
        streams().enqueue(securityEvent(globex(), SecurityEventType.CREDENTIAL_CHANGE), AT);
        List<Long> mine = pendingIds(stream);
        List<Long> siblings = pendingIds(sibling);
        List<Long> globexes = pendingIds(globexs);

        assertThat(streams().acknowledge(globex().id(), stream.id(), mine)).isZero();
        assertThat(streams().acknowledge(globex().id(), globexs.id(), mine)).isZero();
        assertThat(streams().acknowledge(acme().id(), stream.id(), List.of())).isZero();
        assertThat(streams()
                        .acknowledge(
                                acme().id(),
                                stream.id(),
                                List.of(mine.get(0), mine.get(1), siblings.get(0), globexes.get(0), 999_999L)))
                .isEqualTo(2);

        assertThat(pendingIds(stream)).containsExactly(mine.get(2));
        assertThat(pendingIds(sibling)).isEqualTo(siblings);
        assertThat(pendingIds(globexs)).isEqualTo(globexes);
        assertThat(streams().acknowledge(acme().id(), stream.id(), mine)).isEqualTo(1);
        assertThat(pendingIds(stream)).isEmpty();
    }

    @Test
    default void dropping_forgets_every_event_of_the_platforms_stream_only() {
        EventStream stream = pushStream(acme(), SecurityEventType.REQUESTABLE);
        EventStream sibling = pollStream(acme(), SecurityEventType.REQUESTABLE);
        streams().enqueue(securityEvent(acme(), SecurityEventType.CREDENTIAL_CHANGE), AT);
        streams().enqueue(securityEvent(acme(), SecurityEventType.ACCOUNT_DISABLED), AT);

        assertThat(streams().dropPending(globex().id(), stream.id())).isZero();
        assertThat(pendingIds(stream)).hasSize(2);
        assertThat(streams().dropPending(acme().id(), stream.id())).isEqualTo(2);

        assertThat(pendingIds(stream)).isEmpty();
        assertThat(pendingIds(sibling)).hasSize(2);
        assertThat(claim(AT, 10)).as("nothing left to push").isEmpty();
    }

    @Test
    default void deleting_a_stream_forgets_its_events() {
        EventStream stream = pushStream(acme(), SecurityEventType.REQUESTABLE);
        EventStream sibling = pushStream(acme(), SecurityEventType.REQUESTABLE);
        streams().enqueue(securityEvent(acme(), SecurityEventType.CREDENTIAL_CHANGE), AT);

        assertThat(streams().delete(acme().id(), stream.id())).isTrue();

        assertThat(pendingIds(stream)).isEmpty();
        assertThat(claim(AT, 10))
                .singleElement()
                .satisfies(push -> assertThat(push.stream()).isEqualTo(sibling));
    }

    @Test
    default void a_claim_takes_the_due_events_of_enabled_pushed_streams_of_every_platform_oldest_first_once() {
        EventStream pushed = pushStream(acme(), SecurityEventType.REQUESTABLE);
        EventStream paused = withStatus(pushStream(acme(), SecurityEventType.REQUESTABLE), StreamStatus.PAUSED);
        EventStream polled = pollStream(acme(), SecurityEventType.REQUESTABLE);
        EventStream globexs = pushStream(globex(), SecurityEventType.REQUESTABLE);
        SecurityEvent first = securityEvent(acme(), SecurityEventType.CREDENTIAL_CHANGE);
        streams().enqueue(first, AT);
        streams().enqueue(securityEvent(globex(), SecurityEventType.CREDENTIAL_CHANGE), AT);
        streams().enqueue(securityEvent(acme(), SecurityEventType.SESSION_REVOKED), AT);

        assertThat(claim(AT.minusSeconds(1), 10)).as("not due yet").isEmpty();
        List<DuePush> claimed = streams().claimDuePushes(AT, AT.plusSeconds(60), 2);

        assertThat(claimed).hasSize(2);
        DuePush oldest = claimed.get(0);
        assertThat(oldest.stream()).isEqualTo(pushed);
        assertThat(oldest.pending().streamId()).isEqualTo(pushed.id());
        assertThat(oldest.pending().event()).isEqualTo(first);
        assertThat(oldest.attempts()).isZero();
        assertThat(oldest.leaseUntil()).isEqualTo(AT.plusSeconds(60));
        assertThat(claimed.get(1).stream()).isEqualTo(globexs);
        assertThat(claimedIds(claimed))
                .isEqualTo(claimedIds(claimed).stream().sorted().toList());

        List<DuePush> rest = claim(AT, 10);
        assertThat(rest)
                .singleElement()
                .satisfies(
                        push -> assertThat(push.pending().event().type()).isEqualTo(SecurityEventType.SESSION_REVOKED));
        assertThat(claim(AT.plusSeconds(59), 10)).as("leased").isEmpty();
        assertThat(claimedIds(claim(AT.plusSeconds(60), 10)))
                .as("due again once the lease is over")
                .containsExactlyElementsOf(claimedIds(List.of(claimed.get(0), claimed.get(1), rest.get(0))));
        assertThat(pendingIds(paused)).hasSize(2);
        assertThat(pendingIds(polled)).hasSize(2);
        assertThat(pendingIds(pushed)).as("still pending while claimed").hasSize(2);
    }

    @Test
    default void a_paused_or_polled_streams_events_are_pushed_once_it_is_an_enabled_pushed_one() {
        EventStream paused = withStatus(pushStream(acme(), SecurityEventType.REQUESTABLE), StreamStatus.PAUSED);
        EventStream polled = pollStream(acme(), SecurityEventType.REQUESTABLE);
        streams().enqueue(securityEvent(acme(), SecurityEventType.CREDENTIAL_CHANGE), AT);
        streams().enqueue(securityEvent(acme(), SecurityEventType.SESSION_REVOKED), AT);
        assertThat(claim(AT, 10)).isEmpty();

        withStatus(paused, StreamStatus.ENABLED);
        assertThat(claimedIds(claim(AT.plusSeconds(5), 10))).isEqualTo(pendingIds(paused));

        EventStream pushing = polled.withSettings(
                StreamDelivery.push("https://receiver.test/now", Optional.empty()),
                polled.eventsRequested(),
                polled.description());
        assertThat(streams().update(pushing)).isTrue();
        List<DuePush> claimed = claim(AT.plusSeconds(5), 10);
        assertThat(claimedIds(claimed)).isEqualTo(pendingIds(polled));
        assertThat(claimed).allSatisfy(push -> assertThat(push.stream()).isEqualTo(pushing));

        withStatus(pushing, StreamStatus.DISABLED);
        assertThat(claimedIds(claim(AT.plusSeconds(3600), 10)))
                .as("a disabled stream pushes nothing; the enabled one's events are due again after their lease")
                .isEqualTo(pendingIds(paused));
    }

    @Test
    default void a_failed_push_is_retried_when_scheduled_and_kept_as_failed_when_not() {
        EventStream stream = pushStream(acme(), SecurityEventType.REQUESTABLE);
        streams().enqueue(securityEvent(acme(), SecurityEventType.CREDENTIAL_CHANGE), AT);
        long id = claimedIds(claim(AT, 10)).get(0);

        streams().pushFailed(id, "answered 503", Optional.of(AT.plusSeconds(30)), AT.plusSeconds(1));
        assertThat(claim(AT.plusSeconds(29), 10)).isEmpty();
        List<DuePush> retried = claim(AT.plusSeconds(30), 10);
        assertThat(retried).singleElement().satisfies(push -> {
            assertThat(push.pending().id()).isEqualTo(id);
            assertThat(push.attempts()).isEqualTo(1);
        });
        assertThat(streams().lastPush(acme().id(), stream.id()))
                .contains(new StreamPush(AT.plusSeconds(1), Optional.of("answered 503")));

        streams().pushFailed(id, "answered 400", Optional.empty(), AT.plusSeconds(31));
        assertThat(claim(AT.plusSeconds(86_400), 10)).as("failed for good").isEmpty();
        assertThat(pendingIds(stream)).as("a failed event is not pending").isEmpty();
        assertThat(streams().lastPush(acme().id(), stream.id()))
                .contains(new StreamPush(AT.plusSeconds(31), Optional.of("answered 400")));
    }

    @Test
    default void an_accepted_push_is_forgotten_and_the_last_push_is_kept_on_its_stream() {
        EventStream stream = pushStream(acme(), SecurityEventType.REQUESTABLE);
        EventStream other = pushStream(acme(), SecurityEventType.REQUESTABLE);
        streams().enqueue(securityEvent(acme(), SecurityEventType.CREDENTIAL_CHANGE), AT);
        streams().enqueue(securityEvent(acme(), SecurityEventType.SESSION_REVOKED), AT);
        assertThat(streams().lastPush(acme().id(), stream.id())).isEmpty();

        List<DuePush> claimed = claim(AT, 10);
        assertThat(claimed).hasSize(4);
        List<Long> streamsIds = claimed.stream()
                .filter(push -> push.stream().id() == stream.id())
                .map(push -> push.pending().id())
                .toList();
        List<Long> othersIds = claimed.stream()
                .filter(push -> push.stream().id() == other.id())
                .map(push -> push.pending().id())
                .toList();
        // of one round, the failure recorded at its end is the last push, not a success of the same round
        streams().pushFailed(othersIds.get(0), "no answer", Optional.of(AT.plusSeconds(60)), AT.plusSeconds(2));
        streams().pushed(List.of(streamsIds.get(0), streamsIds.get(1), othersIds.get(1)));

        assertThat(pendingIds(stream)).isEmpty();
        assertThat(pendingIds(other)).containsExactly(othersIds.get(0));
        assertThat(streams().lastPush(acme().id(), stream.id())).contains(new StreamPush(AT, Optional.empty()));
        assertThat(streams().lastPush(acme().id(), other.id()))
                .contains(new StreamPush(AT.plusSeconds(2), Optional.of("no answer")));
        assertThat(streams().lastPush(globex().id(), stream.id()))
                .as("another platform's")
                .isEmpty();

        Instant later = AT.plusSeconds(60);
        assertThat(claimedIds(claim(later, 10))).containsExactly(othersIds.get(0));
        streams().pushed(List.of(othersIds.get(0)));
        assertThat(streams().lastPush(acme().id(), other.id())).contains(new StreamPush(later, Optional.empty()));
        assertThat(claim(later.plusSeconds(3600), 10)).isEmpty();
    }

    @Test
    default void a_platform_signs_with_its_newest_unretired_key_and_publishes_retired_ones_for_a_while() {
        var keys = storage().signingKeys();
        assertThat(keys.current(acme().id())).isEmpty();
        assertThat(keys.published(acme().id(), AT)).isEmpty();

        SigningKey first = keys.add(acme().id(), new NewKey("kid-1", "{\"kid\":\"kid-1\"}", "sealed-1"), AT);
        SigningKey globexs = keys.add(globex().id(), new NewKey("kid-g", "{\"kid\":\"kid-g\"}", "sealed-g"), AT);
        assertThat(first.retiredAt()).isEmpty();
        assertThat(first.createdAt()).isEqualTo(AT);
        assertThat(keys.current(acme().id())).contains(first);
        assertThat(keys.current(globex().id())).contains(globexs);

        Instant rotated = AT.plusSeconds(3600);
        SigningKey second = keys.add(acme().id(), new NewKey("kid-2", "{\"kid\":\"kid-2\"}", "sealed-2"), rotated);
        assertThat(keys.current(acme().id())).as("the newest").contains(second);
        keys.retireAllBut(acme().id(), second.id(), rotated);

        SigningKey retired = new SigningKey(
                first.id(), first.platformId(), "kid-1", "{\"kid\":\"kid-1\"}", "sealed-1", AT, Optional.of(rotated));
        assertThat(keys.current(acme().id())).contains(second);
        assertThat(keys.published(acme().id(), rotated.minusSeconds(1))).containsExactly(second, retired);
        assertThat(keys.published(acme().id(), rotated)).containsExactly(second);
        assertThat(keys.current(globex().id()))
                .as("another platform's keys are untouched")
                .contains(globexs);
        assertThat(keys.published(globex().id(), AT)).containsExactly(globexs);

        keys.retireAllBut(acme().id(), second.id(), rotated.plusSeconds(3600));
        assertThat(keys.published(acme().id(), rotated.minusSeconds(1)))
                .as("a retired key keeps the time it was retired")
                .containsExactly(second, retired);
        keys.retireAllBut(globex().id(), first.id(), rotated);
        assertThat(keys.current(globex().id()))
                .as("a key of another platform is no platform's to keep")
                .isEmpty();
        assertThat(keys.current(acme().id())).contains(second);
    }
}
