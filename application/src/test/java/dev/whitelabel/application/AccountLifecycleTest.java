package dev.whitelabel.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.whitelabel.domain.error.Input;
import dev.whitelabel.domain.error.InvalidCredentials;
import dev.whitelabel.domain.error.InvalidInput;
import dev.whitelabel.domain.error.UserNotFound;
import dev.whitelabel.domain.error.Violation;
import dev.whitelabel.domain.error.Violation.Rule;
import dev.whitelabel.domain.model.AuditEvent.AuditAction;
import dev.whitelabel.domain.model.Device;
import dev.whitelabel.domain.model.EmailAddress;
import dev.whitelabel.domain.model.LogoutScope;
import dev.whitelabel.domain.model.NewPlatformUser;
import dev.whitelabel.domain.model.NewToken;
import dev.whitelabel.domain.model.PageRequest;
import dev.whitelabel.domain.model.Password;
import dev.whitelabel.domain.model.PlatformCreated;
import dev.whitelabel.domain.model.RecordedAuditEvent;
import dev.whitelabel.domain.model.SessionCap;
import dev.whitelabel.domain.model.SignedIn;
import dev.whitelabel.domain.model.TokenSummary;
import dev.whitelabel.domain.model.User;
import dev.whitelabel.domain.model.UserReference;
import dev.whitelabel.domain.model.WebhookEvent;
import dev.whitelabel.domain.model.WebhookEventType;
import dev.whitelabel.domain.port.in.ChangeOwnPasswordCommand;
import dev.whitelabel.domain.port.in.ChangeSessionCapCommand;
import dev.whitelabel.domain.port.in.SetPasswordCommand;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Revocation that follows the account, in process: password, disable, enable, delete, session cap. */
class AccountLifecycleTest {

    final Fixture fixture = new Fixture();
    final PlatformCreated acme = fixture.platform("acme");
    final PlatformCreated globex = fixture.platform("globex");
    final User ann = fixture.useCases
            .registerPlatformUser()
            .register(
                    Fixture.adminOf(acme),
                    new NewPlatformUser(
                            "Ann",
                            new EmailAddress("ann@acme.test"),
                            Optional.of(new Password("correct horse")),
                            Optional.empty()))
            .user();

    SignedIn login(String password) {
        return fixture.useCases
                .loginPlatformUser()
                .login(Fixture.adminOf(acme), new EmailAddress("ann@acme.test"), password, NewToken.named("login"));
    }

    List<RecordedAuditEvent> audit() {
        return fixture.useCases
                .readAuditTrail()
                .read(Fixture.adminOf(acme), PageRequest.first())
                .items();
    }

    @Test
    void a_users_own_new_password_ends_every_other_token_and_keeps_the_callers() {
        var phone = login("correct horse").token();
        var laptop = login("correct horse").token();

        var result = fixture.useCases
                .changeOwnPassword()
                .changeOwnPassword(new ChangeOwnPasswordCommand(
                        fixture.caller(phone), "correct horse", new Password("battery staple")));

        assertThat(result.revokedTokens()).isEqualTo(2);
        assertThat(fixture.authenticates(phone)).isTrue();
        assertThat(fixture.authenticates(laptop)).isFalse();
        assertThatThrownBy(() -> login("correct horse")).isInstanceOf(InvalidCredentials.class);
        assertThat(fixture.authenticates(login("battery staple").token())).isTrue();
        var changed = audit().stream()
                .filter(e -> e.event().action() == AuditAction.PASSWORD_CHANGED)
                .findFirst()
                .orElseThrow();
        assertThat(changed.event().tokenId()).contains(phone.tokenId());
        assertThat(changed.event().tokenCount()).isEqualTo(2);
        assertThat(WebhookEvent.of(changed).orElseThrow())
                .extracting(WebhookEvent::type, WebhookEvent::scope, WebhookEvent::reason)
                .containsExactly(
                        WebhookEventType.USER_LOGGED_OUT,
                        new LogoutScope.AllBut(phone.tokenId()),
                        AuditAction.PASSWORD_CHANGED);
    }

    @Test
    void a_wrong_current_password_changes_nothing() {
        var phone = login("correct horse").token();

        assertThatThrownBy(() -> fixture.useCases
                        .changeOwnPassword()
                        .changeOwnPassword(new ChangeOwnPasswordCommand(
                                fixture.caller(phone), "wrong horse", new Password("battery staple"))))
                .isInstanceOf(InvalidInput.class)
                .satisfies(e -> assertThat(((InvalidInput) e).violations())
                        .containsExactly(new Violation(Input.CURRENT_PASSWORD, Rule.INCORRECT, 0)))
                .satisfies(e -> assertThat(((InvalidInput) e).violations())
                        .extracting(Violation::input)
                        .contains(Input.CURRENT_PASSWORD));
        assertThat(fixture.authenticates(login("correct horse").token())).isTrue();
    }

    @Test
    void an_admins_new_password_ends_every_token_of_the_user() {
        var phone = login("correct horse").token();

        var result = fixture.useCases
                .setPassword()
                .setPassword(new SetPasswordCommand(Fixture.adminOf(acme), ann.id(), new Password("battery staple")));

        assertThat(result.revokedTokens()).isEqualTo(2);
        assertThat(fixture.authenticates(phone)).isFalse();
        assertThat(fixture.authenticates(login("battery staple").token())).isTrue();
        assertThatThrownBy(() -> fixture.useCases
                        .setPassword()
                        .setPassword(new SetPasswordCommand(
                                Fixture.adminOf(globex), ann.id(), new Password("from elsewhere"))))
                .isInstanceOf(UserNotFound.class);
    }

    @Test
    void a_disabled_user_has_no_token_can_not_log_in_nor_be_given_one_until_enabled() {
        var phone = login("correct horse").token();

        var result = fixture.useCases.disableUser().disable(Fixture.adminOf(acme), ann.id());

        assertThat(result.revokedTokens()).isEqualTo(2);
        assertThat(fixture.authenticates(phone)).isFalse();
        assertThatThrownBy(() -> login("correct horse")).isInstanceOf(InvalidCredentials.class);
        assertThatThrownBy(() -> fixture.useCases
                        .createToken()
                        .forPlatformUser(Fixture.adminOf(acme), UserReference.byId(ann.id()), NewToken.named("t")))
                .isInstanceOf(InvalidInput.class)
                .satisfies(e -> assertThat(((InvalidInput) e).violations())
                        .containsExactly(new Violation(Input.USER, Rule.DISABLED, 0)));
        assertThatThrownBy(() -> fixture.token(ann)).isInstanceOf(InvalidInput.class);
        assertThat(fixture.useCases
                        .listPlatformUsers()
                        .list(Fixture.adminOf(acme), Optional.empty(), PageRequest.first())
                        .items()
                        .get(0)
                        .disabledAt())
                .contains(Fixture.NOW);

        fixture.useCases.enableUser().enable(Fixture.adminOf(acme), ann.id());

        assertThat(fixture.authenticates(phone)).isFalse();
        assertThat(fixture.authenticates(login("correct horse").token())).isTrue();
        assertThat(audit())
                .extracting(e -> e.event().action())
                .contains(AuditAction.USER_DISABLED, AuditAction.USER_ENABLED);
    }

    @Test
    void a_deleted_user_keeps_an_id_in_the_trail_and_frees_the_email() {
        var phone = login("correct horse").token();

        var result = fixture.useCases.deleteUser().delete(Fixture.adminOf(acme), ann.id());

        assertThat(result.revokedTokens()).isEqualTo(2);
        assertThat(fixture.authenticates(phone)).isFalse();
        assertThatThrownBy(() -> login("correct horse")).isInstanceOf(InvalidCredentials.class);
        assertThatThrownBy(() -> fixture.useCases.deleteUser().delete(Fixture.adminOf(acme), ann.id()))
                .isInstanceOf(UserNotFound.class);
        var deleted = audit().get(0);
        assertThat(deleted.event().action()).isEqualTo(AuditAction.USER_DELETED);
        assertThat(deleted.event().targetUserId()).contains(ann.id());
        assertThat(fixture.storage.users().findAnywhere(ann.id())).isEmpty();
        var again = fixture.user(acme, "ann@acme.test");
        assertThat(again.id()).isNotEqualTo(ann.id());
    }

    @Test
    void an_admin_of_another_platform_reaches_no_account() {
        var globexAdmin = Fixture.adminOf(globex);

        assertThatThrownBy(() -> fixture.useCases.disableUser().disable(globexAdmin, ann.id()))
                .isInstanceOf(UserNotFound.class);
        assertThatThrownBy(() -> fixture.useCases.enableUser().enable(globexAdmin, ann.id()))
                .isInstanceOf(UserNotFound.class);
        assertThatThrownBy(() -> fixture.useCases.deleteUser().delete(globexAdmin, ann.id()))
                .isInstanceOf(UserNotFound.class);
        assertThatThrownBy(() -> fixture.useCases
                        .disableUser()
                        .disable(Fixture.adminOf(acme), acme.admin().id()))
                .isInstanceOf(UserNotFound.class);
        assertThat(fixture.authenticates(login("correct horse").token())).isTrue();
    }

    @Test
    void past_the_cap_the_least_recently_used_token_ends() {
        fixture.useCases
                .changeSessionCap()
                .changeSessionCap(new ChangeSessionCapCommand(
                        Fixture.adminOf(acme), Optional.of(OptionalInt.of(2)), Optional.empty()));
        fixture.clock.advance(Duration.ofMinutes(5));
        var second = login("correct horse").token();
        fixture.clock.advance(Duration.ofMinutes(5));
        // the registration's token is used now, so the second one is the least recently used
        var tokens = fixture.useCases
                .listUserTokens()
                .list(Fixture.adminOf(acme), ann.id(), PageRequest.first())
                .items();
        long registeredId = tokens.get(tokens.size() - 1).id();
        fixture.storage
                .tokens()
                .markUsed(registeredId, fixture.clock.instant(), fixture.clock.instant(), Optional.empty());

        var third = login("correct horse").token();

        assertThat(fixture.authenticates(second)).isFalse();
        assertThat(fixture.authenticates(third)).isTrue();
        assertThat(fixture.storage.tokens().listLive(acme.platform().id(), ann.id(), fixture.clock.instant()))
                .extracting(TokenSummary::id)
                .containsExactly(third.tokenId(), registeredId);
        var evicted = audit().stream()
                .filter(e -> e.event().action() == AuditAction.TOKEN_EVICTED)
                .findFirst()
                .orElseThrow();
        assertThat(evicted.event().tokenId()).contains(second.tokenId());
        assertThat(WebhookEvent.of(evicted).orElseThrow())
                .extracting(WebhookEvent::type, WebhookEvent::scope, WebhookEvent::reason)
                .containsExactly(
                        WebhookEventType.TOKEN_REVOKED,
                        new LogoutScope.OneToken(second.tokenId()),
                        AuditAction.TOKEN_EVICTED);
    }

    @Test
    void past_the_cap_a_rejecting_platform_refuses_the_token_and_ends_none() {
        fixture.useCases
                .changeSessionCap()
                .changeSessionCap(new ChangeSessionCapCommand(
                        Fixture.adminOf(acme), Optional.of(OptionalInt.of(1)), Optional.of(SessionCap.Policy.REJECT)));

        assertThatThrownBy(() -> login("correct horse"))
                .isInstanceOf(InvalidInput.class)
                .satisfies(e -> assertThat(((InvalidInput) e).violations())
                        .containsExactly(new Violation(Input.USER, Rule.AT_THE_SESSION_CAP, 1)));
        assertThat(fixture.storage.tokens().listLive(acme.platform().id(), ann.id(), fixture.clock.instant()))
                .hasSize(1);

        var lifted = fixture.useCases
                .changeSessionCap()
                .changeSessionCap(new ChangeSessionCapCommand(
                        Fixture.adminOf(acme), Optional.of(OptionalInt.empty()), Optional.empty()));
        assertThat(lifted).isEqualTo(new SessionCap(OptionalInt.empty(), SessionCap.Policy.REJECT));
        assertThat(fixture.authenticates(login("correct horse").token())).isTrue();
        assertThat(fixture.useCases.readSessionCap().sessionCap(Fixture.adminOf(globex)))
                .isEqualTo(SessionCap.NONE);
    }

    @Test
    void the_cap_never_evicts_the_token_making_the_request() {
        var phone = login("correct horse").token();
        fixture.useCases
                .changeSessionCap()
                .changeSessionCap(new ChangeSessionCapCommand(
                        Fixture.adminOf(acme), Optional.of(OptionalInt.of(2)), Optional.empty()));
        fixture.clock.advance(Duration.ofMinutes(5));
        fixture.storage
                .tokens()
                .markUsed(phone.tokenId(), fixture.clock.instant(), fixture.clock.instant(), Optional.empty());

        // the phone is the least recently used, but it is the one asking: the other token goes
        var key = fixture.useCases.createApiKey().create(fixture.caller(phone), "ci");
        assertThat(fixture.authenticates(phone)).isTrue();
        fixture.useCases
                .changeSessionCap()
                .changeSessionCap(new ChangeSessionCapCommand(
                        Fixture.adminOf(acme), Optional.of(OptionalInt.of(1)), Optional.empty()));

        assertThatThrownBy(() -> fixture.useCases.createApiKey().create(fixture.caller(phone), "another"))
                .isInstanceOf(InvalidInput.class);
        assertThat(fixture.authenticates(phone)).isTrue();
        assertThat(key.key().id()).isPositive();
    }

    @Test
    void a_cap_out_of_range_is_refused() {
        var settings = fixture.useCases.changeSessionCap();

        assertThatThrownBy(() -> settings.changeSessionCap(new ChangeSessionCapCommand(
                        Fixture.adminOf(acme), Optional.of(OptionalInt.of(0)), Optional.empty())))
                .isInstanceOf(InvalidInput.class)
                .satisfies(e -> assertThat(((InvalidInput) e).violations())
                        .containsExactly(new Violation(Input.MAX_TOKENS_PER_USER, Rule.BETWEEN_ONE_AND, 1000)));
    }

    @Test
    void a_token_records_its_device_and_the_user_sees_which_one_is_current() {
        var phone = new Device(
                Optional.of("Ann's phone"),
                Optional.of("Mozilla/5.0\u0000 (iPhone)\u202e "),
                Optional.of("198.51.100.7"));
        var issued = fixture.useCases
                .loginPlatformUser()
                .login(
                        Fixture.adminOf(acme),
                        new EmailAddress("ann@acme.test"),
                        "correct horse",
                        NewToken.named("login").on(phone))
                .token();

        var own = fixture.useCases
                .listUserTokens()
                .listOwn(fixture.caller(issued), PageRequest.first())
                .items();

        assertThat(own).hasSize(2);
        assertThat(own.get(0).id()).isEqualTo(issued.tokenId());
        assertThat(own.get(0).device().name()).contains("Ann's phone");
        assertThat(own.get(0).device().userAgent()).contains("Mozilla/5.0 (iPhone)");
        assertThat(own.get(0).device().ipAddress()).contains("198.51.100.7");
    }

    @Test
    void a_user_agent_is_cut_at_255_code_points() {
        var device = new Device(Optional.empty(), Optional.of("\uD83D\uDE00".repeat(300)), Optional.empty());

        assertThat(device.userAgent()
                        .orElseThrow()
                        .codePointCount(0, device.userAgent().get().length()))
                .isEqualTo(255);
        assertThat(new Device(Optional.empty(), Optional.of(" \u0007 "), Optional.empty()).userAgent())
                .isEmpty();
    }
}
