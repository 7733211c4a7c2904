package dev.whitelabel.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.whitelabel.domain.error.Input;
import dev.whitelabel.domain.error.InvalidInput;
import dev.whitelabel.domain.error.TokenNotFound;
import dev.whitelabel.domain.error.UserNotFound;
import dev.whitelabel.domain.error.Violation;
import dev.whitelabel.domain.error.Violation.Rule;
import dev.whitelabel.domain.model.Actor;
import dev.whitelabel.domain.model.AuditEvent.AuditAction;
import dev.whitelabel.domain.model.EmailAddress;
import dev.whitelabel.domain.model.LogoutScope;
import dev.whitelabel.domain.model.LogoutTarget;
import dev.whitelabel.domain.model.PageRequest;
import dev.whitelabel.domain.model.PlatformCreated;
import dev.whitelabel.domain.model.User;
import dev.whitelabel.domain.model.UserReference;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LogoutPlatformUserTest {

    final Fixture fixture = new Fixture();
    final PlatformCreated acme = fixture.platform("acme");
    final PlatformCreated globex = fixture.platform("globex");
    final User ann = fixture.user(acme, "ann@acme.test");
    final Actor acmeAdmin = Fixture.adminOf(acme);

    @Test
    void logout_by_email_revokes_every_live_token_of_the_user() {
        var first = fixture.token(ann);
        var second = fixture.token(ann);

        var result = fixture.useCases.logoutPlatformUser().logout(acmeAdmin, LogoutTarget.user(" ANN@acme.test "));

        assertThat(result.revokedTokens()).isEqualTo(2);
        assertThat(fixture.authenticates(first)).isFalse();
        assertThat(fixture.authenticates(second)).isFalse();
    }

    @Test
    void logout_with_a_token_id_revokes_only_that_token_and_is_idempotent() {
        var first = fixture.token(ann);
        var second = fixture.token(ann);
        var target = LogoutTarget.user(ann.id()).onlyToken(first.tokenId());

        assertThat(fixture.useCases
                        .logoutPlatformUser()
                        .logout(acmeAdmin, target)
                        .revokedTokens())
                .isEqualTo(1);
        assertThat(fixture.useCases
                        .logoutPlatformUser()
                        .logout(acmeAdmin, target)
                        .revokedTokens())
                .isZero();

        assertThat(fixture.authenticates(first)).isFalse();
        assertThat(fixture.authenticates(second)).isTrue();
    }

    @Test
    void a_token_of_another_user_is_not_found_and_nothing_is_revoked() {
        User bob = fixture.user(acme, "bob@acme.test");
        var bobsToken = fixture.token(bob);
        var target = LogoutTarget.user(ann.id()).onlyToken(bobsToken.tokenId());

        assertThatThrownBy(() -> fixture.useCases.logoutPlatformUser().logout(acmeAdmin, target))
                .isInstanceOf(TokenNotFound.class)
                .hasMessage("Token not found.");
        assertThat(fixture.authenticates(bobsToken)).isTrue();
    }

    @Test
    void except_token_id_keeps_one_token_live_and_a_token_of_another_user_is_not_found() {
        var kept = fixture.token(ann);
        var other = fixture.token(ann);
        User bob = fixture.user(acme, "bob@acme.test");
        var bobsToken = fixture.token(bob);

        assertThatThrownBy(() -> fixture.useCases
                        .logoutPlatformUser()
                        .logout(acmeAdmin, LogoutTarget.user(ann.id()).exceptToken(bobsToken.tokenId())))
                .isInstanceOf(TokenNotFound.class);
        assertThat(fixture.authenticates(other)).as("nothing revoked").isTrue();

        var result = fixture.useCases
                .logoutPlatformUser()
                .logout(acmeAdmin, LogoutTarget.user(ann.id()).exceptToken(kept.tokenId()));

        assertThat(result.revokedTokens()).isEqualTo(1);
        assertThat(fixture.authenticates(kept)).isTrue();
        assertThat(fixture.authenticates(other)).isFalse();
        assertThat(fixture.authenticates(bobsToken)).isTrue();
        var audited = fixture.useCases
                .readAuditTrail()
                .read(acmeAdmin, PageRequest.first())
                .items()
                .get(0)
                .event();
        assertThat(audited.action()).isEqualTo(AuditAction.LOGOUT_OTHERS);
        assertThat(audited.tokenId()).as("the token kept").contains(kept.tokenId());
        assertThat(audited.tokenCount()).isEqualTo(1);
    }

    @Test
    void a_target_names_one_token_or_keeps_one_never_both() {
        assertThatThrownBy(() -> LogoutTarget.user(ann.id()).onlyToken(1).exceptToken(2))
                .satisfies(e -> assertThat(((InvalidInput) e).violations())
                        .containsExactly(new Violation(Input.KEPT_TOKEN_ID, Rule.NOT_WITH_TOKEN_ID, 0)));
        assertThatThrownBy(() -> LogoutTarget.user(ann.id()).exceptToken(0))
                .satisfies(e -> assertThat(((InvalidInput) e).violations())
                        .containsExactly(new Violation(Input.KEPT_TOKEN_ID, Rule.AT_LEAST, 1)));
    }

    @Test
    void a_user_of_another_platform_an_admin_and_nobody_get_the_same_answer() {
        var annsToken = fixture.token(ann);
        var logout = fixture.useCases.logoutPlatformUser();

        assertThatThrownBy(() -> logout.logout(Fixture.adminOf(globex), LogoutTarget.user(ann.id())))
                .isInstanceOf(UserNotFound.class)
                .hasMessage("User not found.");
        assertThatThrownBy(() -> logout.logout(Fixture.adminOf(globex), LogoutTarget.user("ann@acme.test")))
                .isInstanceOf(UserNotFound.class);
        assertThatThrownBy(() ->
                        logout.logout(acmeAdmin, LogoutTarget.user(acme.admin().id())))
                .isInstanceOf(UserNotFound.class);
        assertThatThrownBy(() -> logout.logout(acmeAdmin, LogoutTarget.user(999_999)))
                .isInstanceOf(UserNotFound.class);
        assertThat(fixture.authenticates(annsToken)).isTrue();
        assertThat(fixture.authenticates(acme.adminToken())).isTrue();
    }

    @Test
    void an_id_and_an_email_must_name_the_same_user() {
        fixture.user(acme, "bob@acme.test");
        var mismatch = new LogoutTarget(
                new UserReference(Optional.of(ann.id()), Optional.of(new EmailAddress("bob@acme.test"))),
                LogoutScope.ALL);
        var match = new LogoutTarget(
                new UserReference(Optional.of(ann.id()), Optional.of(new EmailAddress("Ann@Acme.test"))),
                LogoutScope.ALL);

        assertThatThrownBy(() -> fixture.useCases.logoutPlatformUser().logout(acmeAdmin, mismatch))
                .isInstanceOf(UserNotFound.class);
        assertThat(fixture.useCases
                        .logoutPlatformUser()
                        .logout(acmeAdmin, match)
                        .revokedTokens())
                .isZero();
    }

    @Test
    void a_token_issued_after_a_logout_all_works() {
        fixture.token(ann);
        fixture.useCases.logoutPlatformUser().logout(acmeAdmin, LogoutTarget.user(ann.id()));

        var fresh = fixture.token(ann);

        assertThat(fixture.authenticates(fresh)).isTrue();
    }

    @Test
    void the_operator_logs_out_users_of_the_platform_it_names() {
        var annsToken = fixture.token(ann);

        var result = fixture.useCases
                .logoutPlatformUser()
                .logout(Actor.operator(acme.platform().id()), LogoutTarget.user(ann.id()));

        assertThat(result.revokedTokens()).isEqualTo(1);
        assertThat(fixture.authenticates(annsToken)).isFalse();
    }

    @Test
    void every_logout_is_in_the_audit_trail_with_actor_target_and_count() {
        var first = fixture.token(ann);
        fixture.token(ann);
        var logout = fixture.useCases.logoutPlatformUser();
        logout.logout(acmeAdmin, LogoutTarget.user(ann.id()).onlyToken(first.tokenId()));
        logout.logout(acmeAdmin, LogoutTarget.user(ann.id()));

        var trail = fixture.useCases
                .readAuditTrail()
                .read(acmeAdmin, PageRequest.first())
                .items();

        var newest = trail.get(0).event();
        assertThat(newest.action()).isEqualTo(AuditAction.LOGOUT_ALL);
        assertThat(newest.actor().userId()).contains(acme.admin().id());
        assertThat(newest.targetUserId()).contains(ann.id());
        assertThat(newest.tokenCount()).isEqualTo(1);
        var before = trail.get(1).event();
        assertThat(before.action()).isEqualTo(AuditAction.LOGOUT_TOKEN);
        assertThat(before.tokenId()).contains(first.tokenId());
        assertThat(fixture.useCases
                        .readAuditTrail()
                        .read(Fixture.adminOf(globex), PageRequest.first())
                        .items())
                .extracting(recorded -> recorded.event().targetUserId())
                .doesNotContain(Optional.of(ann.id()));
    }
}
