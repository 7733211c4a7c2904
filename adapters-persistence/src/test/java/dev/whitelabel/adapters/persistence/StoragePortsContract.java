package dev.whitelabel.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.whitelabel.domain.error.UserNotFound;
import dev.whitelabel.domain.model.AuditEvent;
import dev.whitelabel.domain.model.AuditEvent.AuditAction;
import dev.whitelabel.domain.model.EmailAddress;
import dev.whitelabel.domain.model.Platform;
import dev.whitelabel.domain.model.Role;
import dev.whitelabel.domain.model.TokenDigest;
import dev.whitelabel.domain.model.TokenRevocation;
import dev.whitelabel.domain.model.User;
import dev.whitelabel.domain.port.out.Storage;
import dev.whitelabel.domain.port.out.TokenEntry;
import dev.whitelabel.domain.port.out.UserEntry;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every adapter of the persistence ports must do; run against each adapter by a subclass. */
abstract class StoragePortsContract {

    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    Storage storage;
    Platform acme;
    Platform globex;

    /** A storage with an empty, freshly migrated schema. */
    abstract Storage emptyStorage();

    @BeforeEach
    void createPlatforms() {
        storage = emptyStorage();
        acme = storage.platforms().add("Acme", NOW);
        globex = storage.platforms().add("Globex", NOW);
    }

    User user(Platform platform, String email) {
        return storage.users()
                .add(new UserEntry(platform.id(), "Ann", new EmailAddress(email), Optional.of("hash"), Role.USER, NOW))
                .orElseThrow();
    }

    long token(User owner) {
        return token(owner, Optional.empty());
    }

    long token(User owner, Optional<Instant> expiresAt) {
        return storage.tokens().issue(new TokenEntry(
                owner.platformId(), owner.id(), "api-token", TokenDigest.of("secret-" + owner.id()), expiresAt, NOW));
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

        assertThat(storage.users().findOnPlatform(acme.id(), new EmailAddress("  ann@ACME.test "))).contains(ann);
        assertThat(storage.users().findOnPlatform(globex.id(), new EmailAddress("ann@acme.test"))).isEmpty();
        assertThat(ann.email()).isEqualTo("Ann@Acme.test");
    }

    @Test
    void an_email_is_unique_per_platform_but_not_across_platforms() {
        user(acme, "ann@acme.test");

        var duplicate = new UserEntry(acme.id(), "Ann", new EmailAddress("ANN@acme.test"), Optional.empty(), Role.USER, NOW);
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
        assertThat(credential.digest().matches(TokenDigest.of("secret-" + ann.id()))).isTrue();
        assertThat(credential.expiresAt()).contains(expiry);
        assertThat(storage.tokens().findUnrevoked(tokenId + 1000)).isEmpty();
    }

    @Test
    void a_token_is_issued_only_for_a_user_of_the_named_platform() {
        User ann = user(acme, "ann@acme.test");
        var elsewhere = new TokenEntry(globex.id(), ann.id(), "t", TokenDigest.of("s"), Optional.empty(), NOW);

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
        assertThat(storage.tokens().revoke(globex.id(), ann.id(), annsToken, NOW)).isEqualTo(TokenRevocation.NOT_FOUND);
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
            storage.auditLog().record(new AuditEvent(
                    NOW.truncatedTo(ChronoUnit.MILLIS), acme.id(), Optional.empty(), ann.id(),
                    AuditAction.TOKEN_CREATED, Optional.of(id), 1));
            return id;
        });

        assertThat(authenticates(tokenId)).isTrue();
    }
}
