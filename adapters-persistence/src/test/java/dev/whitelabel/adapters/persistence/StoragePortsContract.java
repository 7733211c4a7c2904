package dev.whitelabel.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.whitelabel.domain.error.UserNotFound;
import dev.whitelabel.domain.model.Abilities;
import dev.whitelabel.domain.model.AuditActor;
import dev.whitelabel.domain.model.AuditEvent;
import dev.whitelabel.domain.model.AuditEvent.AuditAction;
import dev.whitelabel.domain.model.Device;
import dev.whitelabel.domain.model.EmailAddress;
import dev.whitelabel.domain.model.LogoutScope;
import dev.whitelabel.domain.model.PageRequest;
import dev.whitelabel.domain.model.Platform;
import dev.whitelabel.domain.model.RecordedAuditEvent;
import dev.whitelabel.domain.model.Role;
import dev.whitelabel.domain.model.ServiceClient;
import dev.whitelabel.domain.model.SessionCap;
import dev.whitelabel.domain.model.Timezone;
import dev.whitelabel.domain.model.TokenDigest;
import dev.whitelabel.domain.model.TokenRevocation;
import dev.whitelabel.domain.model.TokenSummary;
import dev.whitelabel.domain.model.User;
import dev.whitelabel.domain.model.WebhookEndpoint;
import dev.whitelabel.domain.model.WebhookEvent;
import dev.whitelabel.domain.model.WebhookEventType;
import dev.whitelabel.domain.port.out.DeliveryClaim;
import dev.whitelabel.domain.port.out.DueDelivery;
import dev.whitelabel.domain.port.out.ServiceClientEntry;
import dev.whitelabel.domain.port.out.Storage;
import dev.whitelabel.domain.port.out.TokenEntry;
import dev.whitelabel.domain.port.out.UserEntry;
import dev.whitelabel.domain.port.out.WebhookEndpointEntry;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every adapter of the persistence ports must do; run against each adapter by a subclass. */
abstract class StoragePortsContract implements SharedSignalsStorageContract {

    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    Storage storage;
    Platform acme;
    Platform globex;

    /** A storage with an empty, freshly migrated schema. */
    abstract Storage emptyStorage();

    @Override
    public Storage storage() {
        return storage;
    }

    @Override
    public Platform acme() {
        return acme;
    }

    @Override
    public Platform globex() {
        return globex;
    }

    @BeforeEach
    void createPlatforms() {
        storage = emptyStorage();
        acme = storage.platforms().add("Acme", NOW);
        globex = storage.platforms().add("Globex", NOW);
    }

    User user(Platform platform, String email) {
        return storage.users()
                .add(new UserEntry(
                        platform.id(),
                        "Ann",
                        new EmailAddress(email),
                        Optional.of("hash"),
                        Optional.empty(),
                        Role.USER,
                        NOW))
                .orElseThrow();
    }

    long token(User owner) {
        return token(owner, Optional.empty());
    }

    long token(User owner, Optional<Instant> expiresAt) {
        return token(owner, expiresAt, Abilities.EVERYTHING);
    }

    long token(User owner, Abilities abilities) {
        return token(owner, Optional.empty(), abilities);
    }

    long token(User owner, Optional<Instant> expiresAt, Abilities abilities) {
        return storage.tokens()
                .issue(new TokenEntry(
                        owner.platformId(),
                        owner.id(),
                        "api-token",
                        TokenDigest.of("secret-" + owner.id()),
                        expiresAt,
                        NOW,
                        Device.UNKNOWN,
                        abilities));
    }

    boolean authenticates(long tokenId) {
        return storage.tokens().findUnrevoked(tokenId).isPresent();
    }

    @Test
    void platforms_are_found_by_id() {
        assertThat(storage.platforms().find(acme.id())).contains(acme);
        assertThat(storage.platforms().find(globex.id() + 1000)).isEmpty();
    }

    @Test
    void users_are_found_on_their_own_platform_only() {
        User ann = user(acme, "ann@acme.test");

        assertThat(storage.users().findOnPlatform(acme.id(), ann.id())).contains(ann);
        assertThat(storage.users().findOnPlatform(globex.id(), ann.id())).isEmpty();
        assertThat(storage.users().findAnywhere(ann.id())).contains(ann);
        assertThat(storage.users().findAnywhere(ann.id() + 1000)).isEmpty();
    }

    @Test
    void emails_are_matched_trimmed_and_case_insensitively_within_a_platform() {
        User ann = user(acme, "Ann@Acme.test");

        assertThat(storage.users().findOnPlatform(acme.id(), new EmailAddress("  ann@ACME.test ")))
                .contains(ann);
        assertThat(storage.users().findOnPlatform(globex.id(), new EmailAddress("ann@acme.test")))
                .isEmpty();
        assertThat(ann.email()).isEqualTo("Ann@Acme.test");
    }

    @Test
    void an_email_is_unique_per_platform_but_not_across_platforms() {
        user(acme, "ann@acme.test");

        var duplicate = new UserEntry(
                acme.id(),
                "Ann",
                new EmailAddress("ANN@acme.test"),
                Optional.empty(),
                Optional.empty(),
                Role.USER,
                NOW);
        assertThat(storage.users().add(duplicate)).isEmpty();
        assertThat(user(globex, "ann@acme.test").platformId()).isEqualTo(globex.id());
    }

    @Test
    void an_issued_token_is_found_with_its_digest_and_owner() {
        User ann = user(acme, "ann@acme.test");
        Instant expiry = NOW.plus(Duration.ofDays(1));
        long tokenId = token(ann, Optional.of(expiry));

        var credential = storage.tokens().findUnrevoked(tokenId).orElseThrow();

        assertThat(credential.owner()).isEqualTo(ann);
        assertThat(credential.digest().matches(TokenDigest.of("secret-" + ann.id())))
                .isTrue();
        assertThat(credential.expiresAt()).contains(expiry);
        assertThat(storage.tokens().findUnrevoked(tokenId + 1000)).isEmpty();
    }

    @Test
    void a_token_keeps_its_abilities_as_given_wherever_it_is_read() {
        User ann = user(acme, "ann@acme.test");
        var longest = new ArrayList<String>();
        for (int i = 0; i < Abilities.MAX_COUNT; i++) {
            longest.add((char) ('!' + i) + "~".repeat(Abilities.MAX_LENGTH - 1));
        }
        var widest = new Abilities(longest);
        var reader = new Abilities(List.of("orders:read", "a\"quoted'one\\", "*"));
        long wide = token(ann, widest);
        long narrow = token(ann, reader);
        ServiceClient billing = serviceClient(acme, "wlc_billing");

        assertThat(storage.tokens().findUnrevoked(wide).orElseThrow().abilities())
                .isEqualTo(widest);
        assertThat(storage.tokens().findUnrevoked(narrow).orElseThrow().abilities())
                .isEqualTo(reader);
        assertThat(storage.serviceClients()
                        .findWithToken(billing.clientId(), narrow)
                        .orElseThrow()
                        .token()
                        .orElseThrow()
                        .abilities())
                .isEqualTo(reader);
        assertThat(storage.tokens()
                        .list(acme.id(), ann.id(), PageRequest.first())
                        .items())
                .extracting(TokenSummary::abilities)
                .containsExactly(reader, widest);
        assertThat(storage.tokens().listLive(acme.id(), ann.id(), NOW))
                .extracting(TokenSummary::abilities)
                .containsExactly(reader, widest);
    }

    @Test
    void a_token_is_issued_only_for_a_user_of_the_named_platform() {
        User ann = user(acme, "ann@acme.test");
        var elsewhere = new TokenEntry(
                globex.id(),
                ann.id(),
                "t",
                TokenDigest.of("s"),
                Optional.empty(),
                NOW,
                Device.UNKNOWN,
                Abilities.EVERYTHING);

        assertThatThrownBy(() -> storage.tokens().issue(elsewhere)).isInstanceOf(UserNotFound.class);
    }

    @Test
    void revoking_one_token_leaves_the_others_live_and_is_idempotent() {
        User ann = user(acme, "ann@acme.test");
        long first = token(ann);
        long second = token(ann);

        assertThat(storage.tokens().revoke(acme.id(), ann.id(), first, NOW)).isEqualTo(TokenRevocation.REVOKED);
        assertThat(storage.tokens().revoke(acme.id(), ann.id(), first, NOW)).isEqualTo(TokenRevocation.NOT_LIVE);

        assertThat(authenticates(first)).isFalse();
        assertThat(authenticates(second)).isTrue();
    }

    @Test
    void a_token_is_revoked_only_by_its_id_its_user_and_their_platform_together() {
        User ann = user(acme, "ann@acme.test");
        User bob = user(acme, "bob@acme.test");
        long annsToken = token(ann);

        assertThat(storage.tokens().revoke(acme.id(), bob.id(), annsToken, NOW)).isEqualTo(TokenRevocation.NOT_FOUND);
        assertThat(storage.tokens().revoke(globex.id(), ann.id(), annsToken, NOW))
                .isEqualTo(TokenRevocation.NOT_FOUND);
        assertThat(storage.tokens().revoke(acme.id(), ann.id(), annsToken + 1000, NOW))
                .isEqualTo(TokenRevocation.NOT_FOUND);
        assertThat(authenticates(annsToken)).isTrue();
    }

    @Test
    void an_expired_token_is_not_live_to_revoke() {
        User ann = user(acme, "ann@acme.test");
        long expired = token(ann, Optional.of(NOW.minusSeconds(1)));

        assertThat(storage.tokens().revoke(acme.id(), ann.id(), expired, NOW)).isEqualTo(TokenRevocation.NOT_LIVE);
    }

    @Test
    void revoking_all_counts_only_live_tokens_and_kills_every_one() {
        User ann = user(acme, "ann@acme.test");
        long live1 = token(ann);
        long live2 = token(ann);
        long revoked = token(ann);
        token(ann, Optional.of(NOW.minusSeconds(1)));
        storage.tokens().revoke(acme.id(), ann.id(), revoked, NOW);

        assertThat(storage.tokens().revokeAll(acme.id(), ann.id(), NOW)).isEqualTo(2);

        assertThat(authenticates(live1)).isFalse();
        assertThat(authenticates(live2)).isFalse();
        assertThat(storage.tokens().revoke(acme.id(), ann.id(), live1, NOW)).isEqualTo(TokenRevocation.NOT_LIVE);
        assertThat(storage.tokens().revokeAll(acme.id(), ann.id(), NOW)).isZero();
    }

    @Test
    void revoking_all_touches_no_other_user() {
        User ann = user(acme, "ann@acme.test");
        User bob = user(acme, "bob@acme.test");
        User globexAnn = user(globex, "ann@acme.test");
        long bobs = token(bob);
        long globexAnns = token(globexAnn);
        token(ann);

        storage.tokens().revokeAll(acme.id(), ann.id(), NOW);

        assertThat(authenticates(bobs)).isTrue();
        assertThat(authenticates(globexAnns)).isTrue();
    }

    @Test
    void revoking_all_of_a_user_of_another_platform_is_refused() {
        User ann = user(acme, "ann@acme.test");
        long annsToken = token(ann);

        assertThatThrownBy(() -> storage.tokens().revokeAll(globex.id(), ann.id(), NOW))
                .isInstanceOf(UserNotFound.class);
        assertThat(authenticates(annsToken)).isTrue();
    }

    @Test
    void revoking_all_but_one_keeps_it_live_and_listed_live_and_a_later_logout_all_ends_it() {
        User ann = user(acme, "ann@acme.test");
        User bob = user(acme, "bob@acme.test");
        long kept = token(ann);
        long other = token(ann);
        long revoked = token(ann);
        storage.tokens().revoke(acme.id(), ann.id(), revoked, NOW);
        long bobs = token(bob);

        assertThat(storage.tokens().revokeAllExcept(acme.id(), ann.id(), bobs, NOW))
                .as("not ann's")
                .isEmpty();
        assertThat(storage.tokens().revokeAllExcept(globex.id(), ann.id(), kept, NOW))
                .as("not globex's")
                .isEmpty();
        assertThat(authenticates(other)).as("nothing written").isTrue();

        assertThat(storage.tokens().revokeAllExcept(acme.id(), ann.id(), kept, NOW))
                .contains(1);

        assertThat(authenticates(kept)).isTrue();
        assertThat(authenticates(other)).isFalse();
        assertThat(authenticates(bobs)).isTrue();
        assertThat(storage.tokens()
                        .list(acme.id(), ann.id(), PageRequest.first())
                        .items())
                .filteredOn(summary -> summary.revokedAt().isEmpty())
                .extracting(TokenSummary::id)
                .containsExactly(kept);
        assertThat(storage.tokens().revokeAllExcept(acme.id(), ann.id(), revoked, NOW))
                .as("a revoked token is not kept, the others still end")
                .contains(1);
        assertThat(authenticates(kept)).isFalse();
    }

    @Test
    void a_token_issued_after_a_logout_all_is_live() {
        User ann = user(acme, "ann@acme.test");
        token(ann);
        storage.tokens().revokeAll(acme.id(), ann.id(), NOW);

        long fresh = token(ann);

        assertThat(authenticates(fresh)).isTrue();
        assertThat(storage.tokens().revokeAll(acme.id(), ann.id(), NOW)).isEqualTo(1);
        assertThat(authenticates(fresh)).isFalse();
    }

    @Test
    void stores_write_inside_a_transaction_and_it_answers_the_work_result() {
        User ann = user(acme, "ann@acme.test");

        long tokenId = storage.transactions().inTransaction(() -> {
            long id = token(ann);
            storage.auditLog()
                    .record(new AuditEvent(
                            NOW.truncatedTo(ChronoUnit.MILLIS),
                            acme.id(),
                            OPERATOR,
                            Optional.of(ann.id()),
                            AuditAction.TOKEN_CREATED,
                            Optional.of(id),
                            1,
                            Optional.empty(),
                            Optional.empty()));
            return id;
        });

        assertThat(authenticates(tokenId)).isTrue();
    }

    @Test
    void a_failed_transaction_writes_nothing() {
        User ann = user(acme, "ann@acme.test");

        assertThatThrownBy(() -> storage.transactions().inTransaction(() -> {
                    token(ann);
                    throw new IllegalStateException("boom");
                }))
                .hasMessage("boom");

        assertThat(storage.tokens().revokeAll(acme.id(), ann.id(), NOW)).isZero();
    }

    /** The outbox: a revocation that does not commit leaves no event behind, one that commits leaves its event. */
    @Test
    void an_event_is_in_the_outbox_exactly_when_its_transaction_committed() {
        User ann = user(acme, "ann@acme.test");
        endpoint(acme);

        assertThatThrownBy(() -> storage.transactions().inTransaction(() -> {
                    storage.tokens().revokeAll(acme.id(), ann.id(), NOW);
                    announce(ann);
                    throw new IllegalStateException("boom");
                }))
                .hasMessage("boom");
        long committed = storage.transactions().inTransaction(() -> announce(ann));

        assertThat(events(storage.webhooks().claimDue(new DeliveryClaim(NOW, NOW.plusSeconds(60), 10, 10, Set.of()))))
                .containsExactly(committed);
    }

    /** Every store's writes, and a nested transaction's, are undone when the transaction throws. */
    @Test
    void a_transaction_that_throws_leaves_nothing_of_its_work_behind() {
        User ann = user(acme, "ann@acme.test");
        long revoked = token(ann);
        endpoint(acme);
        String email = "a".repeat(64);

        assertThatThrownBy(() -> storage.transactions().inTransaction(() -> {
                    storage.auditLog().record(event(acme, ann, AuditAction.TOKEN_REVOKED));
                    storage.tokens().revoke(acme.id(), ann.id(), revoked, NOW);
                    storage.transactions().inTransaction(() -> token(ann));
                    announce(ann);
                    storage.loginFailures().record(acme.id(), email, Optional.of("192.0.2.1"), NOW);
                    storage.users().disable(acme.id(), ann.id(), NOW);
                    storage.platforms().changeSessionCap(acme.id(), Optional.of(OptionalInt.of(1)), Optional.empty());
                    throw new IllegalStateException("boom");
                }))
                .hasMessage("boom");

        assertThat(storage.auditLog().list(acme.id(), PageRequest.first()).items())
                .isEmpty();
        assertThat(storage.tokens()
                        .list(acme.id(), ann.id(), PageRequest.first())
                        .items())
                .extracting(TokenSummary::id)
                .containsExactly(revoked);
        assertThat(authenticates(revoked)).isTrue();
        assertThat(storage.webhooks().claimDue(new DeliveryClaim(NOW, NOW.plusSeconds(60), 10, 10, Set.of())))
                .isEmpty();
        assertThat(storage.loginFailures().latestForEmail(acme.id(), email, NOW.minusSeconds(1), 10))
                .isEmpty();
        assertThat(storage.users().findOnPlatform(acme.id(), ann.id())).contains(ann);
        assertThat(storage.platforms().sessionCap(acme.id())).contains(SessionCap.NONE);
    }

    User admin(Platform platform, String email) {
        return storage.users()
                .add(new UserEntry(
                        platform.id(),
                        "Ada",
                        new EmailAddress(email),
                        Optional.of("hash"),
                        Optional.of(new Timezone("Europe/Paris")),
                        Role.ADMIN,
                        NOW))
                .orElseThrow();
    }

    static final AuditActor OPERATOR = new AuditActor(AuditActor.Kind.OPERATOR, Optional.empty());

    AuditEvent event(Platform platform, User target, AuditAction action) {
        return new AuditEvent(
                NOW,
                platform.id(),
                OPERATOR,
                Optional.of(target.id()),
                action,
                Optional.empty(),
                0,
                Optional.empty(),
                Optional.empty());
    }

    @Test
    void a_password_credential_is_found_by_email_on_its_platform_only() {
        User ann = user(acme, "ann@acme.test");
        storage.users()
                .add(new UserEntry(
                        acme.id(),
                        "Bob",
                        new EmailAddress("bob@acme.test"),
                        Optional.empty(),
                        Optional.empty(),
                        Role.USER,
                        NOW));

        var found = storage.users()
                .findPasswordCredential(acme.id(), new EmailAddress("ANN@acme.test"))
                .orElseThrow();

        assertThat(found.user()).isEqualTo(ann);
        assertThat(found.passwordHash()).isEqualTo("hash");
        assertThat(storage.users().findPasswordCredential(globex.id(), new EmailAddress("ann@acme.test")))
                .isEmpty();
        assertThat(storage.users().findPasswordCredential(acme.id(), new EmailAddress("bob@acme.test")))
                .isEmpty();
    }

    @Test
    void platform_users_are_listed_oldest_first_a_page_at_a_time_without_admins() {
        admin(acme, "admin@acme.test");
        User ann = user(acme, "ann@acme.test");
        User bob = user(acme, "bob@acme.test");
        User cy = user(acme, "cy@other.test");
        user(globex, "gus@globex.test");

        var first = storage.users().listPlatformUsers(acme.id(), Optional.empty(), new PageRequest(1, 2));
        var second = storage.users().listPlatformUsers(acme.id(), Optional.empty(), new PageRequest(2, 2));

        assertThat(first.items()).containsExactly(ann, bob);
        assertThat(first.total()).isEqualTo(3);
        assertThat(first.lastPage()).isEqualTo(2);
        assertThat(second.items()).containsExactly(cy);
        assertThat(storage.users()
                        .listPlatformUsers(acme.id(), Optional.empty(), new PageRequest(3, 2))
                        .items())
                .isEmpty();
    }

    @Test
    void platform_users_are_searched_by_a_literal_part_of_their_email() {
        User ann = user(acme, "ann@acme.test");
        user(acme, "bob@acme.test");
        User percent = user(acme, "100%_off@acme.test");

        assertThat(storage.users()
                        .listPlatformUsers(acme.id(), Optional.of("ann@"), PageRequest.first())
                        .items())
                .containsExactly(ann);
        assertThat(storage.users()
                        .listPlatformUsers(acme.id(), Optional.of("%_"), PageRequest.first())
                        .items())
                .containsExactly(percent);
        assertThat(storage.users()
                        .listPlatformUsers(globex.id(), Optional.of("ann"), PageRequest.first())
                        .total())
                .isZero();
    }

    @Test
    void tokens_are_listed_newest_first_with_when_they_were_revoked() {
        User ann = user(acme, "ann@acme.test");
        long first = token(ann);
        long second = token(ann);
        long third = token(ann);
        Instant oneByOne = NOW.plusSeconds(10);
        Instant allAtOnce = NOW.plusSeconds(20);
        storage.tokens().revoke(acme.id(), ann.id(), first, oneByOne);
        storage.tokens().revokeAll(acme.id(), ann.id(), allAtOnce);
        long fourth = token(ann);

        var page = storage.tokens().list(acme.id(), ann.id(), PageRequest.first());

        assertThat(page.items()).extracting(TokenSummary::id).containsExactly(fourth, third, second, first);
        assertThat(page.items())
                .extracting(TokenSummary::revokedAt)
                .containsExactly(
                        Optional.empty(), Optional.of(allAtOnce), Optional.of(allAtOnce), Optional.of(oneByOne));
        assertThat(page.items().get(0).name()).isEqualTo("api-token");
        assertThat(page.items().get(0).createdAt()).isEqualTo(NOW);
        assertThat(storage.tokens()
                        .list(globex.id(), ann.id(), PageRequest.first())
                        .items())
                .isEmpty();
        assertThat(storage.tokens()
                        .list(acme.id(), ann.id(), new PageRequest(2, 3))
                        .items())
                .extracting(TokenSummary::id)
                .containsExactly(first);
    }

    @Test
    void only_live_tokens_are_listed_as_live() {
        User ann = user(acme, "ann@acme.test");
        long revoked = token(ann);
        token(ann, Optional.of(NOW.minusSeconds(1)));
        storage.tokens().revoke(acme.id(), ann.id(), revoked, NOW);
        long live = token(ann, Optional.of(NOW.plusSeconds(60)));

        List<TokenSummary> tokens = storage.tokens().listLive(acme.id(), ann.id(), NOW);

        assertThat(tokens).extracting(TokenSummary::id).containsExactly(live);
        assertThat(storage.tokens().listLive(globex.id(), ann.id(), NOW)).isEmpty();
        storage.tokens().revokeAll(acme.id(), ann.id(), NOW);
        assertThat(storage.tokens().listLive(acme.id(), ann.id(), NOW)).isEmpty();
    }

    @Test
    void last_use_is_written_once_a_period() {
        User ann = user(acme, "ann@acme.test");
        long tokenId = token(ann);
        Instant later = NOW.plusSeconds(30);

        storage.tokens().markUsed(tokenId, NOW, NOW.minusSeconds(60), Optional.of("192.0.2.1"));
        storage.tokens().markUsed(tokenId, later, later.minusSeconds(60), Optional.of("192.0.2.2"));

        assertThat(storage.tokens().findUnrevoked(tokenId).orElseThrow().lastUsedAt())
                .contains(NOW);
        assertThat(onlyToken(ann).lastUsedIp()).contains("192.0.2.1");
        Instant muchLater = NOW.plusSeconds(61);
        storage.tokens().markUsed(tokenId, muchLater, muchLater.minusSeconds(60), Optional.of("2001:db8:0:0:0:0:0:1"));
        assertThat(storage.tokens().findUnrevoked(tokenId).orElseThrow().lastUsedAt())
                .contains(muchLater);
        assertThat(onlyToken(ann).lastUsedIp()).contains("2001:db8:0:0:0:0:0:1");
        // a use whose address is unknown (a gateway that does not say) keeps the last one known
        Instant evenLater = muchLater.plusSeconds(61);
        storage.tokens().markUsed(tokenId, evenLater, evenLater.minusSeconds(60), Optional.empty());
        assertThat(onlyToken(ann).lastUsedIp()).contains("2001:db8:0:0:0:0:0:1");
    }

    private TokenSummary onlyToken(User owner) {
        return storage.tokens()
                .list(owner.platformId(), owner.id(), PageRequest.first())
                .items()
                .get(0);
    }

    @Test
    void login_failures_are_counted_per_platform_email_and_address_newest_first() {
        var failures = storage.loginFailures();
        String email = "a".repeat(64);
        for (int i = 0; i < 4; i++) {
            failures.record(acme.id(), email, Optional.of("192.0.2.1"), NOW.plusSeconds(i));
        }
        failures.record(acme.id(), "b".repeat(64), Optional.of("192.0.2.1"), NOW.plusSeconds(10));
        failures.record(globex.id(), email, Optional.of("192.0.2.1"), NOW.plusSeconds(20));

        assertThat(failures.latestForEmail(acme.id(), email, NOW, 10))
                .containsExactly(NOW.plusSeconds(3), NOW.plusSeconds(2), NOW.plusSeconds(1));
        assertThat(failures.latestForEmail(acme.id(), email, NOW.minusSeconds(1), 2))
                .containsExactly(NOW.plusSeconds(3), NOW.plusSeconds(2));
        assertThat(failures.latestForIp(acme.id(), "192.0.2.1", NOW.minusSeconds(1), 10))
                .hasSize(5);
        assertThat(failures.latestForIp(acme.id(), "192.0.2.2", NOW.minusSeconds(1), 10))
                .isEmpty();

        failures.forgetEmail(acme.id(), email);
        assertThat(failures.latestForEmail(acme.id(), email, NOW.minusSeconds(1), 10))
                .isEmpty();
        assertThat(failures.latestForIp(acme.id(), "192.0.2.1", NOW.minusSeconds(1), 10))
                .as("forgotten for the email, still counted for the address")
                .hasSize(5);
        assertThat(failures.latestForEmail(globex.id(), email, NOW.minusSeconds(1), 10))
                .hasSize(1);
        assertThat(failures.prune(NOW.plusSeconds(15))).isEqualTo(5);
        assertThat(failures.latestForIp(acme.id(), "192.0.2.1", NOW.minusSeconds(1), 10))
                .isEmpty();
    }

    @Test
    void a_failure_given_back_no_longer_counts_and_the_lock_holds_nothing_after_its_transaction() {
        var failures = storage.loginFailures();
        String email = "c".repeat(64);
        long kept = storage.transactions().inTransaction(() -> {
            failures.lock(acme.id(), email, Optional.of("192.0.2.1"), NOW);
            return failures.record(acme.id(), email, Optional.of("192.0.2.1"), NOW);
        });
        long given = storage.transactions().inTransaction(() -> {
            failures.lock(acme.id(), email, Optional.empty(), NOW.plusSeconds(1));
            return failures.record(acme.id(), email, Optional.empty(), NOW.plusSeconds(1));
        });
        assertThat(given).isNotEqualTo(kept);

        failures.giveBack(globex.id(), given);
        assertThat(failures.latestForEmail(acme.id(), email, NOW.minusSeconds(1), 10))
                .as("another platform's id gives nothing back")
                .hasSize(2);
        failures.giveBack(acme.id(), given);
        assertThat(failures.latestForEmail(acme.id(), email, NOW.minusSeconds(1), 10))
                .containsExactly(NOW);

        assertThat(failures.prune(NOW.plusSeconds(5))).isEqualTo(1);
        storage.transactions().inTransaction(() -> {
            failures.lock(acme.id(), email, Optional.of("192.0.2.1"), NOW.plusSeconds(6));
            return null;
        });
    }

    @Test
    void wrong_client_secrets_are_counted_per_client_key_newest_first_and_pruned() {
        var failures = storage.loginFailures();
        String attacked = "d".repeat(64);
        for (int i = 0; i < 3; i++) {
            failures.recordForClient(attacked, NOW.plusSeconds(i));
        }
        failures.recordForClient("e".repeat(64), NOW.plusSeconds(5));

        assertThat(failures.latestForClient(attacked, NOW, 10)).containsExactly(NOW.plusSeconds(2), NOW.plusSeconds(1));
        assertThat(failures.latestForClient(attacked, NOW.minusSeconds(1), 1)).containsExactly(NOW.plusSeconds(2));
        failures.prune(NOW.plusSeconds(2));
        assertThat(failures.latestForClient(attacked, NOW.minusSeconds(1), 10)).containsExactly(NOW.plusSeconds(2));
    }

    @Test
    void a_platforms_session_cap_is_none_until_set() {
        assertThat(storage.platforms().sessionCap(acme.id())).contains(SessionCap.NONE);
        assertThat(storage.platforms().sessionCap(acme.id() + globex.id() + 1000))
                .isEmpty();
        var platforms = storage.platforms();

        assertThat(platforms.changeSessionCap(acme.id(), Optional.of(OptionalInt.of(3)), Optional.empty()))
                .contains(new SessionCap(OptionalInt.of(3), SessionCap.Policy.EVICT_OLDEST));
        assertThat(platforms.changeSessionCap(acme.id(), Optional.empty(), Optional.of(SessionCap.Policy.REJECT)))
                .as("a change of the policy keeps the max")
                .contains(new SessionCap(OptionalInt.of(3), SessionCap.Policy.REJECT));
        assertThat(platforms.changeSessionCap(acme.id(), Optional.of(OptionalInt.empty()), Optional.empty()))
                .contains(new SessionCap(OptionalInt.empty(), SessionCap.Policy.REJECT));
        assertThat(platforms.changeSessionCap(acme.id() + globex.id() + 1000, Optional.empty(), Optional.empty()))
                .isEmpty();
        assertThat(platforms.sessionCap(globex.id())).contains(SessionCap.NONE);
    }

    @Test
    void a_password_hash_is_locked_for_a_user_who_may_sign_in_only() {
        User ann = user(acme, "ann@acme.test");

        assertThat(storage.transactions().inTransaction(() -> storage.users().lockPasswordHash(acme.id(), ann.id())))
                .contains("hash");
        assertThat(storage.users().lockPasswordHash(globex.id(), ann.id())).isEmpty();
        storage.users().disable(acme.id(), ann.id(), NOW);
        assertThat(storage.users().lockPasswordHash(acme.id(), ann.id())).isEmpty();
        storage.users().enable(acme.id(), ann.id());
        storage.users().forget(acme.id(), ann.id(), NOW);
        assertThat(storage.users().lockPasswordHash(acme.id(), ann.id())).isEmpty();
    }

    @Test
    void a_token_keeps_the_device_it_was_issued_to() {
        User ann = user(acme, "ann@acme.test");
        var phone = new Device(
                Optional.of("Ann's phone"), Optional.of("Mozilla/5.0 (iPhone)"), Optional.of("198.51.100.7"));
        long tokenId = storage.tokens()
                .issue(new TokenEntry(
                        acme.id(),
                        ann.id(),
                        "login",
                        TokenDigest.of("s"),
                        Optional.empty(),
                        NOW,
                        phone,
                        Abilities.EVERYTHING));

        var listed = onlyToken(ann);
        assertThat(listed.id()).isEqualTo(tokenId);
        assertThat(listed.device()).isEqualTo(phone);
        assertThat(listed.lastUsedIp()).isEmpty();
        assertThat(storage.tokens().listLive(acme.id(), ann.id(), NOW).get(0).device())
                .isEqualTo(phone);
    }

    @Test
    void a_disabled_user_is_found_as_disabled_and_given_no_token_until_enabled() {
        User ann = user(acme, "ann@acme.test");
        long before = token(ann);

        storage.users().disable(acme.id(), ann.id(), NOW);
        storage.users().disable(acme.id(), ann.id(), NOW.plusSeconds(5));
        storage.users().disable(globex.id(), ann.id(), NOW);

        assertThat(storage.users()
                        .findOnPlatform(acme.id(), ann.id())
                        .orElseThrow()
                        .disabledAt())
                .contains(NOW);
        assertThat(storage.tokens().findUnrevoked(before).orElseThrow().owner().isDisabled())
                .isTrue();
        assertThatThrownBy(() -> token(ann)).isInstanceOf(UserNotFound.class);
        assertThat(storage.users()
                        .listPlatformUsers(acme.id(), Optional.empty(), PageRequest.first())
                        .items())
                .extracting(User::disabledAt)
                .containsExactly(Optional.of(NOW));

        storage.users().enable(acme.id(), ann.id());

        assertThat(storage.users()
                        .findOnPlatform(acme.id(), ann.id())
                        .orElseThrow()
                        .isDisabled())
                .isFalse();
        assertThat(token(ann)).isPositive();
    }

    @Test
    void a_password_hash_is_changed_on_the_named_platform_only() {
        User ann = user(acme, "ann@acme.test");

        storage.users().setPasswordHash(globex.id(), ann.id(), "other-platform");
        assertThat(storage.users()
                        .findPasswordCredential(acme.id(), ann.id())
                        .orElseThrow()
                        .passwordHash())
                .isEqualTo("hash");
        storage.users().setPasswordHash(acme.id(), ann.id(), "new-hash");

        assertThat(storage.users()
                        .findPasswordCredential(acme.id(), ann.id())
                        .orElseThrow()
                        .passwordHash())
                .isEqualTo("new-hash");
        assertThat(storage.users().findPasswordCredential(globex.id(), ann.id()))
                .isEmpty();
    }

    @Test
    void a_forgotten_user_keeps_only_the_id_and_frees_the_email() {
        User ann = user(acme, "ann@acme.test");
        long tokenId = token(ann);
        storage.tokens().revokeAll(acme.id(), ann.id(), NOW);

        storage.tokens().forget(globex.id(), ann.id());
        assertThat(storage.tokens()
                        .list(acme.id(), ann.id(), PageRequest.first())
                        .items())
                .hasSize(1);
        storage.users().forget(globex.id(), ann.id(), NOW);
        assertThat(storage.users().findOnPlatform(acme.id(), ann.id())).isPresent();

        storage.tokens().forget(acme.id(), ann.id());
        storage.users().forget(acme.id(), ann.id(), NOW);

        assertThat(storage.tokens().findUnrevoked(tokenId)).isEmpty();
        assertThat(storage.tokens()
                        .list(acme.id(), ann.id(), PageRequest.first())
                        .items())
                .isEmpty();
        assertThat(storage.users().findOnPlatform(acme.id(), ann.id())).isEmpty();
        assertThat(storage.users().findOnPlatform(acme.id(), new EmailAddress("ann@acme.test")))
                .isEmpty();
        assertThat(storage.users().findAnywhere(ann.id())).isEmpty();
        assertThat(storage.users().findPasswordCredential(acme.id(), new EmailAddress("ann@acme.test")))
                .isEmpty();
        assertThat(storage.users()
                        .listPlatformUsers(acme.id(), Optional.empty(), PageRequest.first())
                        .items())
                .isEmpty();
        assertThatThrownBy(() -> token(ann)).isInstanceOf(UserNotFound.class);
        User again = user(acme, "ann@acme.test");
        assertThat(again.id()).isNotEqualTo(ann.id());
    }

    @Test
    void pruning_deletes_tokens_revoked_or_expired_before_the_cutoff_only() {
        User ann = user(acme, "ann@acme.test");
        User bob = user(acme, "bob@acme.test");
        long revokedLongAgo = token(ann);
        storage.tokens().revoke(acme.id(), ann.id(), revokedLongAgo, NOW.minus(Duration.ofDays(40)));
        token(ann, Optional.of(NOW.minus(Duration.ofDays(35))));
        long expiredRecently = token(ann, Optional.of(NOW.minus(Duration.ofDays(1))));
        long live = token(ann);
        long loggedOutLongAgo = token(bob);
        storage.tokens().revokeAll(acme.id(), bob.id(), NOW.minus(Duration.ofDays(31)));

        int pruned = storage.tokens().prune(NOW.minus(Duration.ofDays(30)));

        assertThat(pruned).isEqualTo(3);
        assertThat(storage.tokens()
                        .list(acme.id(), ann.id(), PageRequest.first())
                        .items())
                .extracting(TokenSummary::id)
                .containsExactly(live, expiredRecently);
        assertThat(storage.tokens()
                        .list(acme.id(), bob.id(), PageRequest.first())
                        .items())
                .extracting(TokenSummary::id)
                .doesNotContain(loggedOutLongAgo);
        assertThat(authenticates(live)).isTrue();
    }

    @Test
    void the_audit_trail_of_a_platform_is_its_own_newest_first() {
        User ann = user(acme, "ann@acme.test");
        User gus = user(globex, "gus@globex.test");
        storage.auditLog().record(event(acme, ann, AuditAction.TOKEN_CREATED));
        storage.auditLog().record(event(globex, gus, AuditAction.LOGOUT_ALL));
        storage.auditLog()
                .record(new AuditEvent(
                        NOW,
                        acme.id(),
                        new AuditActor(AuditActor.Kind.USER, Optional.of(ann.id())),
                        Optional.of(ann.id()),
                        AuditAction.LOGOUT_TOKEN,
                        Optional.of(7L),
                        1,
                        Optional.empty(),
                        Optional.empty()));

        var trail = storage.auditLog().list(acme.id(), PageRequest.first());

        assertThat(trail.total()).isEqualTo(2);
        assertThat(trail.items())
                .extracting(RecordedAuditEvent::event)
                .extracting(AuditEvent::action)
                .containsExactly(AuditAction.LOGOUT_TOKEN, AuditAction.TOKEN_CREATED);
        var newest = trail.items().get(0).event();
        assertThat(newest.actor().userId()).contains(ann.id());
        assertThat(newest.tokenId()).contains(7L);
        assertThat(newest.tokenCount()).isEqualTo(1);
        assertThat(storage.auditLog().list(acme.id(), new PageRequest(2, 1)).items())
                .hasSize(1);
    }

    ServiceClient serviceClient(Platform platform, String clientId) {
        return storage.serviceClients()
                .add(new ServiceClientEntry(platform.id(), "api", clientId, TokenDigest.of("secret-" + clientId), NOW));
    }

    @Test
    void a_service_client_is_found_by_its_public_id_until_it_is_deleted_by_its_own_platform() {
        ServiceClient billing = serviceClient(acme, "wlc_billing");
        ServiceClient other = serviceClient(globex, "wlc_other");

        var found = storage.serviceClients()
                .findWithToken("wlc_billing", -1)
                .orElseThrow()
                .client();
        assertThat(found.client()).isEqualTo(billing);
        assertThat(found.secretDigest().matches(TokenDigest.of("secret-wlc_billing")))
                .isTrue();
        assertThat(storage.serviceClients().findWithToken("wlc_nobody", -1)).isEmpty();
        assertThat(storage.serviceClients().list(acme.id())).containsExactly(billing);

        assertThat(storage.serviceClients().delete(globex.id(), billing.id(), NOW))
                .as("another platform's")
                .isFalse();
        assertThat(storage.serviceClients().findWithToken("wlc_billing", -1)).isPresent();
        assertThat(storage.serviceClients().delete(acme.id(), billing.id(), NOW))
                .isTrue();
        assertThat(storage.serviceClients().delete(acme.id(), billing.id(), NOW))
                .as("once only")
                .isFalse();

        assertThat(storage.serviceClients().findWithToken("wlc_billing", -1)).isEmpty();
        assertThat(storage.serviceClients().list(acme.id())).isEmpty();
        assertThat(storage.serviceClients().list(globex.id())).containsExactly(other);
    }

    @Test
    void audit_events_keep_every_kind_of_actor_and_a_service_client_or_webhook_as_their_subject() {
        User ann = user(acme, "ann@acme.test");
        ServiceClient billing = serviceClient(acme, "wlc_billing");
        var byClient = new AuditEvent(
                NOW,
                acme.id(),
                new AuditActor(AuditActor.Kind.SERVICE_CLIENT, Optional.of(billing.id())),
                Optional.of(ann.id()),
                AuditAction.TOKEN_REVOKED,
                Optional.of(3L),
                1,
                Optional.empty(),
                Optional.empty());
        var disabled = AuditEvent.ofWebhook(
                NOW, acme.id(), AuditActor.SYSTEM, endpoint(acme).id(), AuditAction.WEBHOOK_DISABLED);
        var created = new AuditEvent(
                NOW,
                acme.id(),
                new AuditActor(AuditActor.Kind.ADMIN, Optional.of(ann.id())),
                Optional.empty(),
                AuditAction.SERVICE_CLIENT_CREATED,
                Optional.empty(),
                0,
                Optional.of(billing.id()),
                Optional.empty());
        storage.auditLog().record(byClient);
        storage.auditLog().record(created);
        storage.auditLog().record(disabled);

        assertThat(storage.auditLog().list(acme.id(), PageRequest.first()).items())
                .extracting(RecordedAuditEvent::event)
                .containsExactly(disabled, created, byClient);
    }

    /** 255 characters as people count them; on H2, which counts UTF-16 units, 510. */
    @Test
    void names_of_255_characters_outside_the_basic_plane_are_stored_whole() {
        String emoji = "\uD83D\uDE00".repeat(255);

        Platform platform = storage.platforms().add(emoji, NOW);
        User ann = storage.users()
                .add(new UserEntry(
                        platform.id(),
                        emoji,
                        new EmailAddress("ann@emoji.test"),
                        Optional.empty(),
                        Optional.empty(),
                        Role.USER,
                        NOW))
                .orElseThrow();
        long tokenId = storage.tokens()
                .issue(new TokenEntry(
                        platform.id(),
                        ann.id(),
                        emoji,
                        TokenDigest.of("secret"),
                        Optional.empty(),
                        NOW,
                        new Device(Optional.of(emoji), Optional.of(emoji), Optional.empty()),
                        Abilities.EVERYTHING));
        storage.serviceClients()
                .add(new ServiceClientEntry(platform.id(), emoji, "wlc_emoji", TokenDigest.of("s"), NOW));

        assertThat(storage.platforms().find(platform.id()).orElseThrow().name()).isEqualTo(emoji);
        assertThat(storage.users()
                        .findOnPlatform(platform.id(), ann.id())
                        .orElseThrow()
                        .name())
                .isEqualTo(emoji);
        assertThat(storage.tokens()
                        .list(platform.id(), ann.id(), PageRequest.first())
                        .items()
                        .get(0)
                        .name())
                .isEqualTo(emoji);
        assertThat(storage.tokens().findUnrevoked(tokenId)).isPresent();
        assertThat(storage.serviceClients().list(platform.id()).get(0).name()).isEqualTo(emoji);
    }

    @Test
    void a_service_client_is_read_with_a_token_of_its_own_platform_only_while_the_token_is_unrevoked() {
        ServiceClient billing = serviceClient(acme, "wlc_billing");
        User ann = user(acme, "ann@acme.test");
        User gus = user(globex, "gus@globex.test");
        long annsToken = token(ann);
        long gussToken = token(gus);
        long revoked = token(ann);
        storage.tokens().revoke(acme.id(), ann.id(), revoked, NOW);

        var check =
                storage.serviceClients().findWithToken("wlc_billing", annsToken).orElseThrow();
        assertThat(check.client().client()).isEqualTo(billing);
        assertThat(check.token().orElseThrow().tokenId()).isEqualTo(annsToken);
        assertThat(check.token().orElseThrow().owner()).isEqualTo(ann);
        assertThat(storage.serviceClients()
                        .findWithToken("wlc_billing", gussToken)
                        .orElseThrow()
                        .token())
                .isEmpty();
        assertThat(storage.serviceClients()
                        .findWithToken("wlc_billing", revoked)
                        .orElseThrow()
                        .token())
                .isEmpty();
        assertThat(storage.serviceClients()
                        .findWithToken("wlc_billing", -1)
                        .orElseThrow()
                        .token())
                .isEmpty();
        assertThat(storage.serviceClients().findWithToken("wlc_nobody", annsToken))
                .isEmpty();

        storage.tokens().revokeAll(acme.id(), ann.id(), NOW);
        assertThat(storage.serviceClients()
                        .findWithToken("wlc_billing", annsToken)
                        .orElseThrow()
                        .token())
                .isEmpty();
        storage.serviceClients().delete(acme.id(), billing.id(), NOW);
        assertThat(storage.serviceClients().findWithToken("wlc_billing", annsToken))
                .isEmpty();
    }

    WebhookEndpoint endpoint(Platform platform, String path, Set<WebhookEventType> events) {
        return storage.webhooks()
                .add(new WebhookEndpointEntry(platform.id(), "http://127.0.0.1/" + path, events, "whsec_AAAA", NOW));
    }

    WebhookEndpoint endpoint(Platform platform) {
        return endpoint(platform, "", EnumSet.allOf(WebhookEventType.class));
    }

    /** A logout of every token of the user, audited, then put in the outbox; answers the audit event's id. */
    long announce(User loggedOut) {
        long auditEventId = loggedOutEvent(loggedOut);
        storage.webhooks().enqueue(loggedOut.platformId(), WebhookEventType.USER_LOGGED_OUT, auditEventId, NOW);
        return auditEventId;
    }

    /** A logout of every token of the user, audited; answers the audit event's id. */
    long loggedOutEvent(User loggedOut) {
        return storage.auditLog()
                .record(new AuditEvent(
                        NOW,
                        loggedOut.platformId(),
                        OPERATOR,
                        Optional.of(loggedOut.id()),
                        AuditAction.LOGOUT_ALL,
                        Optional.empty(),
                        1,
                        Optional.empty(),
                        Optional.empty()));
    }

    static List<Long> events(List<DueDelivery> claimed) {
        return claimed.stream().map(due -> due.event().auditEventId()).toList();
    }

    @Test
    void an_event_goes_to_the_endpoints_of_its_platform_that_take_it_and_a_claim_takes_it_once() {
        User ann = user(acme, "ann@acme.test");
        endpoint(acme, "all", EnumSet.allOf(WebhookEventType.class));
        endpoint(acme, "logged-out", EnumSet.of(WebhookEventType.USER_LOGGED_OUT));
        endpoint(acme, "revoked", EnumSet.of(WebhookEventType.TOKEN_REVOKED));
        endpoint(globex, "globex", EnumSet.allOf(WebhookEventType.class));

        long event = announce(ann);
        var claimed = storage.webhooks().claimDue(new DeliveryClaim(NOW, NOW.plusSeconds(15), 10, 10, Set.of()));

        assertThat(claimed)
                .extracting(DueDelivery::url)
                .containsExactlyInAnyOrder("http://127.0.0.1/all", "http://127.0.0.1/logged-out");
        assertThat(claimed)
                .allSatisfy(due -> assertThat(due.event())
                        .extracting(
                                WebhookEvent::scope,
                                WebhookEvent::revokedTokens,
                                WebhookEvent::userId,
                                WebhookEvent::auditEventId)
                        .containsExactly(LogoutScope.ALL, 1, ann.id(), event));
        assertThat(storage.webhooks().claimDue(new DeliveryClaim(NOW, NOW.plusSeconds(15), 10, 10, Set.of())))
                .as("claimed already")
                .isEmpty();
        assertThat(storage.webhooks()
                        .claimDue(new DeliveryClaim(NOW.plusSeconds(16), NOW.plusSeconds(31), 10, 10, Set.of())))
                .as("due again once the claim lapsed")
                .hasSize(2);
    }

    @Test
    void deliveries_written_claimed_are_answered_by_id_until_the_claim_lapses_and_only_then_due_to_any_claim() {
        User ann = user(acme, "ann@acme.test");
        endpoint(acme, "all", EnumSet.allOf(WebhookEventType.class));
        endpoint(acme, "revoked", EnumSet.of(WebhookEventType.TOKEN_REVOKED));
        var deleted = endpoint(acme, "deleted", EnumSet.allOf(WebhookEventType.class));
        endpoint(globex, "globex", EnumSet.allOf(WebhookEventType.class));
        long auditEventId = loggedOutEvent(ann);
        Instant claimedUntil = NOW.plusSeconds(25);

        List<Long> written =
                storage.webhooks().enqueue(acme.id(), WebhookEventType.USER_LOGGED_OUT, auditEventId, claimedUntil);

        assertThat(written)
                .as("one for each endpoint of the platform that takes it")
                .hasSize(2);
        assertThat(storage.webhooks().claimDue(new DeliveryClaim(NOW, NOW.plusSeconds(15), 10, 10, Set.of())))
                .as("claimed from birth")
                .isEmpty();
        assertThat(storage.webhooks().delete(acme.id(), deleted.id(), NOW)).isTrue();
        var handedOver = storage.webhooks().claimedAtWrite(written, NOW);
        assertThat(handedOver)
                .extracting(DueDelivery::url)
                .as("a deleted endpoint's delivery ended instead")
                .containsExactly("http://127.0.0.1/all");
        assertThat(handedOver).singleElement().satisfies(due -> {
            assertThat(due.leaseUntil()).isEqualTo(claimedUntil);
            assertThat(due.event().auditEventId()).isEqualTo(auditEventId);
            assertThat(due.attempts()).isZero();
        });
        assertThat(storage.webhooks().claimedAtWrite(written, claimedUntil))
                .as("no longer claimed once the claim lapsed")
                .isEmpty();
        assertThat(storage.webhooks()
                        .claimDue(new DeliveryClaim(claimedUntil, claimedUntil.plusSeconds(15), 10, 10, Set.of())))
                .extracting(DueDelivery::url)
                .as("then due to any claim, the deleted endpoint's never again")
                .containsExactly("http://127.0.0.1/all");
    }

    @Test
    void a_deleted_endpoints_deliveries_are_ended_by_the_next_claim_and_one_in_flight_still_records_its_outcome() {
        User ann = user(acme, "ann@acme.test");
        var deleted = endpoint(acme);
        long inFlightEvent = announce(ann);
        var inFlight = storage.webhooks().claimDue(new DeliveryClaim(NOW, NOW.plusSeconds(15), 10, 10, Set.of()));
        assertThat(events(inFlight)).containsExactly(inFlightEvent);
        announce(ann);

        assertThat(storage.webhooks().delete(acme.id(), deleted.id(), NOW)).isTrue();
        storage.webhooks().delivered(inFlight.stream().map(DueDelivery::id).toList(), 204, NOW);

        assertThat(storage.webhooks()
                        .claimDue(new DeliveryClaim(NOW.plusSeconds(60), NOW.plusSeconds(75), 10, 10, Set.of())))
                .isEmpty();
        assertThat(storage.webhooks()
                        .deliveries(acme.id(), deleted.id(), PageRequest.first())
                        .items())
                .allSatisfy(delivery -> assertThat(delivery.nextAttemptAt()).isEmpty())
                .extracting(delivery -> delivery.lastStatus().orElse(0))
                .containsExactly(0, 204);
    }

    @Test
    void a_deleted_endpoints_backlog_does_not_hold_up_the_claim_of_another_endpoints_delivery() {
        User ann = user(acme, "ann@acme.test");
        var deleted = endpoint(acme, "deleted", EnumSet.allOf(WebhookEventType.class));
        for (int i = 0; i < 40; i++) {
            announce(ann);
        }
        storage.webhooks().delete(acme.id(), deleted.id(), NOW);
        endpoint(acme, "kept", EnumSet.allOf(WebhookEventType.class));
        long event = announce(ann);

        var claimed = storage.webhooks().claimDue(new DeliveryClaim(NOW, NOW.plusSeconds(15), 8, 8, Set.of()));

        assertThat(claimed).extracting(DueDelivery::url).containsExactly("http://127.0.0.1/kept");
        assertThat(events(claimed)).containsExactly(event);
    }

    @Test
    void a_claim_takes_each_endpoints_oldest_up_to_its_share_and_none_of_the_skipped_endpoints() {
        User ann = user(acme, "ann@acme.test");
        var busy = endpoint(acme, "busy", EnumSet.allOf(WebhookEventType.class));
        var quiet = endpoint(acme, "quiet", EnumSet.allOf(WebhookEventType.class));
        List<Long> events = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            events.add(announce(ann));
        }

        var claimed = storage.webhooks().claimDue(new DeliveryClaim(NOW, NOW.plusSeconds(15), 10, 2, Set.of()));

        assertThat(claimed).extracting(DueDelivery::endpointId).containsOnly(busy.id(), quiet.id());
        assertThat(claimed.stream().filter(due -> due.endpointId() == busy.id()))
                .extracting(due -> due.event().auditEventId())
                .containsExactly(events.get(0), events.get(1));
        assertThat(claimed).allSatisfy(due -> assertThat(due.leaseUntil()).isEqualTo(NOW.plusSeconds(15)));
        assertThat(storage.webhooks().claimDue(new DeliveryClaim(NOW, NOW.plusSeconds(15), 10, 10, Set.of(busy.id()))))
                .extracting(DueDelivery::endpointId)
                .as("the rest of the quiet endpoint's, none of the skipped one's")
                .containsOnly(quiet.id())
                .hasSize(3);
    }

    @Test
    void a_skipped_endpoints_backlog_does_not_hide_the_deliveries_of_other_endpoints_behind_it() {
        User ann = user(acme, "ann@acme.test");
        var slow = endpoint(acme, "slow", EnumSet.allOf(WebhookEventType.class));
        for (int i = 0; i < 40; i++) {
            announce(ann);
        }
        User bob = user(globex, "bob@globex.test");
        var behind = endpoint(globex, "behind", EnumSet.allOf(WebhookEventType.class));
        List<Long> events = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            events.add(announce(bob));
        }

        var claimed = storage.webhooks().claimDue(new DeliveryClaim(NOW, NOW.plusSeconds(15), 4, 4, Set.of(slow.id())));

        assertThat(claimed).extracting(DueDelivery::endpointId).containsOnly(behind.id());
        assertThat(events(claimed)).as("its share").hasSize(4).isSubsetOf(events);
        assertThat(storage.webhooks().claimDue(new DeliveryClaim(NOW, NOW.plusSeconds(15), 4, 4, Set.of(slow.id()))))
                .as("the rest of it")
                .hasSize(2);
    }

    static final Duration FIVE_DAYS = Duration.ofDays(5);

    static List<Long> ids(List<DueDelivery> claimed) {
        return claimed.stream().map(DueDelivery::id).toList();
    }

    WebhookEndpoint found(WebhookEndpoint endpoint) {
        return storage.webhooks().find(endpoint.platformId(), endpoint.id()).orElseThrow();
    }

    /** A round's attempts failed at these endpoints, recorded at {@code at} with the default five days to fail. */
    List<WebhookEndpoint> failed(Instant at, Long... endpointIds) {
        return storage.webhooks().endpointsAnswered(Set.of(), Set.of(endpointIds), at.minus(FIVE_DAYS), at);
    }

    @Test
    void an_endpoint_is_found_on_its_own_platform_only_until_it_is_deleted() {
        var endpoint = endpoint(acme);

        assertThat(storage.webhooks().find(acme.id(), endpoint.id())).contains(endpoint);
        assertThat(storage.webhooks().find(globex.id(), endpoint.id())).isEmpty();
        storage.webhooks().delete(acme.id(), endpoint.id(), NOW);
        assertThat(storage.webhooks().find(acme.id(), endpoint.id())).isEmpty();
    }

    @Test
    void an_endpoint_is_failing_from_its_first_failed_attempt_until_a_success_even_one_of_the_same_round() {
        User ann = user(acme, "ann@acme.test");
        var endpoint = endpoint(acme);
        announce(ann);
        announce(ann);
        announce(ann);

        assertThat(failed(NOW, endpoint.id())).isEmpty();
        assertThat(found(endpoint).failingSince()).contains(NOW);
        failed(NOW.plusSeconds(60), endpoint.id());
        assertThat(found(endpoint).failingSince()).as("since the first").contains(NOW);
        storage.webhooks()
                .endpointsAnswered(
                        Set.of(endpoint.id()), Set.of(endpoint.id()), NOW.plus(FIVE_DAYS), NOW.plus(FIVE_DAYS));
        assertThat(found(endpoint).failingSince()).as("it answered").isEmpty();
        assertThat(found(endpoint).disabledAt()).isEmpty();
        failed(NOW.plus(FIVE_DAYS), endpoint.id());
        assertThat(found(endpoint).failingSince()).contains(NOW.plus(FIVE_DAYS));
    }

    @Test
    void an_endpoint_failing_since_the_cutoff_is_disabled_once_and_its_deliveries_are_held_untouched() {
        User ann = user(acme, "ann@acme.test");
        var failing = endpoint(acme, "failing", EnumSet.allOf(WebhookEventType.class));
        endpoint(acme, "sound", EnumSet.allOf(WebhookEventType.class));
        announce(ann);
        storage.webhooks().claimDue(new DeliveryClaim(NOW, NOW.plusSeconds(15), 10, 10, Set.of()));
        long toFailing = failing.id();
        failed(NOW, toFailing);
        Instant later = NOW.plus(FIVE_DAYS);

        var disabled = failed(later, toFailing);

        assertThat(disabled).singleElement().satisfies(endpoint -> {
            assertThat(endpoint.id()).isEqualTo(failing.id());
            assertThat(endpoint.failingSince()).contains(NOW);
            assertThat(endpoint.disabledAt()).contains(later);
            assertThat(found(failing)).isEqualTo(endpoint);
        });
        assertThat(failed(later.plusSeconds(1), toFailing)).as("disabled once").isEmpty();
        announce(ann);
        assertThat(storage.webhooks().claimDue(new DeliveryClaim(later, later.plusSeconds(15), 10, 10, Set.of())))
                .as("the lapsed claim's and the new event's, to the sound endpoint only")
                .hasSize(2)
                .extracting(DueDelivery::url)
                .containsOnly("http://127.0.0.1/sound");
        assertThat(storage.webhooks()
                        .deliveries(acme.id(), failing.id(), PageRequest.first())
                        .items())
                .hasSize(2)
                .allSatisfy(delivery -> {
                    assertThat(delivery.attempts()).isZero();
                    assertThat(delivery.nextAttemptAt()).isEmpty();
                    assertThat(delivery.failedAt()).isEmpty();
                });
        assertThat(storage.webhooks()
                        .claimDue(new DeliveryClaim(later.plusSeconds(60), later.plusSeconds(75), 10, 10, Set.of())))
                .extracting(DueDelivery::url)
                .containsOnly("http://127.0.0.1/sound");
    }

    @Test
    void an_enabled_endpoint_starts_afresh_and_its_held_deliveries_are_due_while_waiting_ones_keep_their_time() {
        User ann = user(acme, "ann@acme.test");
        var endpoint = endpoint(acme);
        long waitingEvent = announce(ann);
        long waiting = ids(storage.webhooks().claimDue(new DeliveryClaim(NOW, NOW.plusSeconds(15), 10, 10, Set.of())))
                .get(0);
        storage.webhooks()
                .attemptFailed(waiting, Optional.of(500), Optional.empty(), Optional.of(NOW.plusSeconds(3600)), NOW);
        storage.webhooks().endpointsAnswered(Set.of(), Set.of(endpoint.id()), NOW, NOW);
        long heldEvent = announce(ann);
        assertThat(storage.webhooks().claimDue(new DeliveryClaim(NOW, NOW.plusSeconds(15), 10, 10, Set.of())))
                .isEmpty();

        assertThat(storage.webhooks().resume(acme.id(), endpoint.id(), NOW))
                .as("still disabled")
                .isZero();
        assertThat(storage.webhooks().enable(globex.id(), endpoint.id())).isFalse();
        assertThat(storage.webhooks().enable(acme.id(), endpoint.id())).isTrue();
        assertThat(storage.webhooks().enable(acme.id(), endpoint.id()))
                .as("enabled already")
                .isFalse();
        assertThat(found(endpoint)).isEqualTo(endpoint);
        Instant later = NOW.plusSeconds(60);
        assertThat(storage.webhooks().resume(globex.id(), endpoint.id(), later)).isZero();
        assertThat(storage.webhooks().resume(acme.id(), endpoint.id(), later)).isEqualTo(1);

        assertThat(storage.webhooks()
                        .deliveries(acme.id(), endpoint.id(), PageRequest.first())
                        .items())
                .extracting(delivery -> delivery.nextAttemptAt().orElseThrow())
                .containsExactly(later, NOW.plusSeconds(3600));
        var resumed = storage.webhooks().claimDue(new DeliveryClaim(later, later.plusSeconds(15), 10, 10, Set.of()));
        assertThat(events(resumed)).containsExactly(heldEvent);
        storage.webhooks().delivered(ids(resumed), 204, later);
        assertThat(events(storage.webhooks()
                        .claimDue(new DeliveryClaim(NOW.plusSeconds(3600), NOW.plusSeconds(3615), 10, 10, Set.of()))))
                .containsExactly(waitingEvent);
    }
}
