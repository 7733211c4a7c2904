package dev.whitelabel.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.whitelabel.domain.error.Input;
import dev.whitelabel.domain.error.InvalidInput;
import dev.whitelabel.domain.error.NotWhiteLabelAdmin;
import dev.whitelabel.domain.error.PlatformNotFound;
import dev.whitelabel.domain.error.UserNotFound;
import dev.whitelabel.domain.error.Violation;
import dev.whitelabel.domain.error.Violation.Rule;
import dev.whitelabel.domain.model.Actor;
import dev.whitelabel.domain.model.EmailAddress;
import dev.whitelabel.domain.model.NewPlatformUser;
import dev.whitelabel.domain.model.NewToken;
import dev.whitelabel.domain.model.Password;
import dev.whitelabel.domain.model.Role;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CreatePlatformAndUsersTest {

    final Fixture fixture = new Fixture();

    @Test
    void a_new_platform_has_an_admin_with_a_working_token() {
        var acme = fixture.platform("acme");

        assertThat(acme.admin().role()).isEqualTo(Role.ADMIN);
        assertThat(acme.admin().platformId()).isEqualTo(acme.platform().id());
        assertThat(fixture.authenticates(acme.adminToken())).isTrue();
        assertThat(Actor.whiteLabelAdmin(acme.admin()).platformId())
                .isEqualTo(acme.platform().id());
    }

    @Test
    void a_platform_user_is_not_a_white_label_admin() {
        var ann = fixture.user(fixture.platform("acme"), "ann@acme.test");

        assertThat(ann.role()).isEqualTo(Role.USER);
        assertThatThrownBy(() -> Actor.whiteLabelAdmin(ann))
                .isInstanceOf(NotWhiteLabelAdmin.class)
                .hasMessage("You are not a white label admin.");
    }

    @Test
    void an_email_is_taken_once_per_platform() {
        var acme = fixture.platform("acme");
        var globex = fixture.platform("globex");
        fixture.user(acme, "ann@acme.test");

        assertThatThrownBy(() -> fixture.user(acme, " ANN@acme.test"))
                .isInstanceOf(InvalidInput.class)
                .satisfies(e -> assertThat(((InvalidInput) e).violations())
                        .containsExactly(new Violation(Input.EMAIL, Rule.TAKEN, 0)));
        assertThat(fixture.user(globex, "ann@acme.test").platformId())
                .isEqualTo(globex.platform().id());
    }

    @Test
    void users_are_added_to_existing_platforms_only() {
        var request = new NewPlatformUser("Ann", new EmailAddress("ann@x.test"));

        assertThatThrownBy(() -> fixture.useCases.createPlatformUser().create(424242, request))
                .isInstanceOf(PlatformNotFound.class);
    }

    @Test
    void passwords_are_checked_and_never_shown() {
        var email = new EmailAddress("ann@x.test");

        assertThatThrownBy(() -> new Password("short"))
                .isInstanceOf(InvalidInput.class)
                .satisfies(e -> assertThat(((InvalidInput) e).violations())
                        .containsExactly(new Violation(Input.PASSWORD, Rule.FEWER_CHARACTERS_THAN, 8)));
        assertThatThrownBy(() -> new Password("é".repeat(37)))
                .satisfies(e -> assertThat(((InvalidInput) e).violations())
                        .containsExactly(new Violation(Input.PASSWORD, Rule.MORE_BYTES_THAN, 72)));
        var user = new NewPlatformUser("Ann", email, Optional.of(new Password("correct horse")), Optional.empty());
        assertThat(user.toString()).doesNotContain("correct horse");
    }

    @Test
    void tokens_are_issued_to_existing_users_only() {
        assertThatThrownBy(() -> fixture.useCases.createToken().forAnyUser(424242, NewToken.named("api-token")))
                .isInstanceOf(UserNotFound.class);
    }
}
