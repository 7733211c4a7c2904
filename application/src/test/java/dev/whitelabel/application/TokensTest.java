package dev.whitelabel.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.whitelabel.domain.error.ApiKeyNotFound;
import dev.whitelabel.domain.error.Input;
import dev.whitelabel.domain.error.InvalidInput;
import dev.whitelabel.domain.error.UserNotFound;
import dev.whitelabel.domain.error.Violation;
import dev.whitelabel.domain.error.Violation.Rule;
import dev.whitelabel.domain.model.AuditEvent.AuditAction;
import dev.whitelabel.domain.model.LogoutScope;
import dev.whitelabel.domain.model.LogoutTarget;
import dev.whitelabel.domain.model.NewToken;
import dev.whitelabel.domain.model.PageRequest;
import dev.whitelabel.domain.model.PlatformCreated;
import dev.whitelabel.domain.model.TokenSummary;
import dev.whitelabel.domain.model.User;
import dev.whitelabel.domain.model.UserReference;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Tokens an admin creates, tokens users manage themselves, expiry, last use, pruning. */
class TokensTest {

    final Fixture fixture = new Fixture();
    final PlatformCreated acme = fixture.platform("acme");
    final PlatformCreated globex = fixture.platform("globex");
    final User ann = fixture.user(acme, "ann@acme.test");

    @Test
    void an_admin_creates_a_token_by_email_that_expires_when_asked() {
        var token = new NewToken("ci", Optional.of(Duration.ofSeconds(60)));

        var signedIn = fixture.useCases
                .createToken()
                .forPlatformUser(Fixture.adminOf(acme), UserReference.byEmail("ANN@acme.test"), token);

        assertThat(signedIn.user()).isEqualTo(ann);
        assertThat(signedIn.token().name()).isEqualTo("ci");
        assertThat(fixture.authenticates(signedIn.token())).isTrue();
        fixture.clock.advance(Duration.ofSeconds(59));
        assertThat(fixture.authenticates(signedIn.token())).isTrue();
        fixture.clock.advance(Duration.ofSeconds(1));
        assertThat(fixture.authenticates(signedIn.token())).isFalse();
    }

    @Test
    void an_admin_creates_tokens_for_their_own_platform_users_only() {
        var createToken = fixture.useCases.createToken();
        var named = NewToken.named("api-token");

        assertThatThrownBy(
                        () -> createToken.forPlatformUser(Fixture.adminOf(globex), UserReference.byId(ann.id()), named))
                .isInstanceOf(UserNotFound.class);
        assertThatThrownBy(() -> createToken.forPlatformUser(
                        Fixture.adminOf(acme), UserReference.byId(acme.admin().id()), named))
                .isInstanceOf(UserNotFound.class);
    }

    @Test
    void a_lifetime_is_between_one_second_and_ten_years() {
        assertThatThrownBy(() -> NewToken.expiresInSeconds(0))
                .satisfies(e -> assertThat(((InvalidInput) e).violations())
                        .containsExactly(new Violation(Input.LIFETIME, Rule.AT_LEAST, 1)));
        assertThatThrownBy(() -> NewToken.expiresInSeconds(NewToken.MAX_EXPIRES_IN_SECONDS + 1))
                .isInstanceOf(InvalidInput.class);
        assertThat(NewToken.expiresInSeconds(3600)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void an_admin_lists_a_users_tokens_but_not_another_platforms() {
        var first = fixture.token(ann);
        fixture.token(ann);
        fixture.useCases
                .logoutPlatformUser()
                .logout(Fixture.adminOf(acme), LogoutTarget.user(ann.id()).onlyToken(first.tokenId()));

        var page = fixture.useCases.listUserTokens().list(Fixture.adminOf(acme), ann.id(), PageRequest.first());

        assertThat(page.total()).isEqualTo(2);
        assertThat(page.items().get(1).id()).isEqualTo(first.tokenId());
        assertThat(page.items().get(1).revokedAt()).contains(Fixture.NOW);
        assertThat(page.items().get(0).revokedAt()).isEmpty();
        assertThatThrownBy(() ->
                        fixture.useCases.listUserTokens().list(Fixture.adminOf(globex), ann.id(), PageRequest.first()))
                .isInstanceOf(UserNotFound.class);
    }

    @Test
    void a_user_logs_out_the_token_they_called_with_every_other_or_all_of_theirs() {
        var phone = fixture.token(ann);
        var laptop = fixture.token(ann);
        var tablet = fixture.token(ann);
        var watch = fixture.token(ann);

        assertThat(fixture.useCases
                        .logoutSelf()
                        .logout(fixture.caller(phone), LogoutScope.CURRENT)
                        .revokedTokens())
                .isEqualTo(1);
        assertThat(fixture.authenticates(phone)).isFalse();
        assertThat(fixture.authenticates(laptop)).isTrue();

        assertThat(fixture.useCases
                        .logoutSelf()
                        .logout(fixture.caller(laptop), LogoutScope.OTHERS)
                        .revokedTokens())
                .isEqualTo(2);
        assertThat(fixture.authenticates(laptop)).isTrue();
        assertThat(fixture.authenticates(tablet)).isFalse();
        assertThat(fixture.authenticates(watch)).isFalse();

        var desk = fixture.token(ann);
        assertThat(fixture.useCases
                        .logoutSelf()
                        .logout(fixture.caller(laptop), LogoutScope.ALL)
                        .revokedTokens())
                .isEqualTo(2);
        assertThat(fixture.authenticates(laptop)).isFalse();
        assertThat(fixture.authenticates(desk)).isFalse();
    }

    @Test
    void a_user_creates_lists_and_deletes_their_own_api_keys() {
        var session = fixture.token(ann);

        var key = fixture.useCases.createApiKey().create(fixture.caller(session), "deploy bot");

        assertThat(key.key().name()).isEqualTo("deploy bot");
        assertThat(key.token().id()).isEqualTo(key.key().id());
        assertThat(fixture.useCases.listApiKeys().list(fixture.caller(session)))
                .extracting(TokenSummary::id)
                .containsExactly(key.key().id(), session.tokenId());
        fixture.useCases
                .deleteApiKey()
                .delete(fixture.caller(session), key.key().id());
        assertThat(fixture.useCases.authenticateToken().authenticate(key.token().value()))
                .isEmpty();
        assertThatThrownBy(() -> fixture.useCases
                        .deleteApiKey()
                        .delete(fixture.caller(session), key.key().id()))
                .isInstanceOf(ApiKeyNotFound.class)
                .hasMessage("API key not found.");
    }

    @Test
    void deleting_a_key_already_deleted_records_nothing() {
        var session = fixture.token(ann);
        var key = fixture.useCases.createApiKey().create(fixture.caller(session), "deploy bot");
        fixture.useCases
                .deleteApiKey()
                .delete(fixture.caller(session), key.key().id());

        assertThatThrownBy(() -> fixture.useCases
                        .deleteApiKey()
                        .delete(fixture.caller(session), key.key().id()))
                .isInstanceOf(ApiKeyNotFound.class);

        assertThat(fixture.useCases
                        .readAuditTrail()
                        .read(Fixture.adminOf(acme), PageRequest.first())
                        .items())
                .filteredOn(recorded -> recorded.event().action() == AuditAction.TOKEN_REVOKED)
                .hasSize(1);
    }

    @Test
    void a_user_cannot_delete_another_users_key() {
        User bob = fixture.user(acme, "bob@acme.test");
        var bobs = fixture.token(bob);
        var anns = fixture.token(ann);

        assertThatThrownBy(() -> fixture.useCases.deleteApiKey().delete(fixture.caller(anns), bobs.tokenId()))
                .isInstanceOf(ApiKeyNotFound.class);
        assertThat(fixture.authenticates(bobs)).isTrue();
    }

    @Test
    void last_use_is_recorded_at_most_once_a_minute() {
        var token = fixture.token(ann);
        fixture.authenticates(token);
        fixture.clock.advance(Duration.ofSeconds(59));
        fixture.authenticates(token);

        assertThat(lastUsed(token.tokenId())).contains(Fixture.NOW);
        fixture.clock.advance(Duration.ofSeconds(2));
        fixture.authenticates(token);
        assertThat(lastUsed(token.tokenId())).contains(Fixture.NOW.plusSeconds(61));
    }

    @Test
    void pruning_deletes_only_what_died_before_the_retention_period() {
        var old = fixture.token(ann);
        fixture.useCases.logoutSelf().logout(fixture.caller(old), LogoutScope.CURRENT);
        fixture.clock.advance(Duration.ofDays(31));
        var live = fixture.token(ann);

        assertThat(fixture.useCases.pruneTokens().prune(Duration.ofDays(30))).isEqualTo(1);
        assertThat(fixture.useCases.pruneTokens().prune(Duration.ofDays(30))).isZero();
        assertThat(fixture.authenticates(live)).isTrue();
    }

    private Optional<Instant> lastUsed(long tokenId) {
        return fixture.storage.tokens().findUnrevoked(tokenId).orElseThrow().lastUsedAt();
    }
}
