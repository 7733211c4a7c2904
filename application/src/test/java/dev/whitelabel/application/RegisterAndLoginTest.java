package dev.whitelabel.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.whitelabel.adapters.persistence.BcryptPasswordHasher;
import dev.whitelabel.domain.error.Input;
import dev.whitelabel.domain.error.InvalidCredentials;
import dev.whitelabel.domain.error.InvalidInput;
import dev.whitelabel.domain.error.Violation;
import dev.whitelabel.domain.error.Violation.Rule;
import dev.whitelabel.domain.model.EmailAddress;
import dev.whitelabel.domain.model.LogoutTarget;
import dev.whitelabel.domain.model.NewPlatformUser;
import dev.whitelabel.domain.model.NewToken;
import dev.whitelabel.domain.model.PageRequest;
import dev.whitelabel.domain.model.Password;
import dev.whitelabel.domain.model.PlatformCreated;
import dev.whitelabel.domain.model.Timezone;
import dev.whitelabel.domain.port.out.PasswordHasher;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RegisterAndLoginTest {

    final Fixture fixture = new Fixture();
    final PlatformCreated acme = fixture.platform("acme");
    final PlatformCreated globex = fixture.platform("globex");

    NewPlatformUser ann(String email) {
        return new NewPlatformUser(
                "Ann",
                new EmailAddress(email),
                Optional.of(new Password("correct horse")),
                Optional.of(new Timezone("Europe/Paris")));
    }

    @Test
    void a_registered_user_gets_a_working_token_and_a_hashed_password() {
        var signedIn = fixture.useCases.registerPlatformUser().register(Fixture.adminOf(acme), ann("ann@acme.test"));

        assertThat(signedIn.user().platformId()).isEqualTo(acme.platform().id());
        assertThat(fixture.authenticates(signedIn.token())).isTrue();
        var stored = fixture.storage
                .users()
                .findPasswordCredential(acme.platform().id(), new EmailAddress("ann@acme.test"))
                .orElseThrow();
        assertThat(stored.passwordHash()).startsWith("$2").doesNotContain("correct horse");
    }

    @Test
    void an_email_is_registered_once_per_platform() {
        fixture.useCases.registerPlatformUser().register(Fixture.adminOf(acme), ann("ann@acme.test"));

        assertThatThrownBy(() ->
                        fixture.useCases.registerPlatformUser().register(Fixture.adminOf(acme), ann(" ANN@acme.test")))
                .isInstanceOf(InvalidInput.class)
                .satisfies(e -> assertThat(((InvalidInput) e).violations())
                        .containsExactly(new Violation(Input.EMAIL, Rule.TAKEN, 0)));
        assertThat(fixture.useCases
                        .registerPlatformUser()
                        .register(Fixture.adminOf(globex), ann("ann@acme.test"))
                        .user()
                        .platformId())
                .isEqualTo(globex.platform().id());
    }

    @Test
    void registration_needs_a_password() {
        var noPassword = new NewPlatformUser("Ann", new EmailAddress("ann@acme.test"));

        assertThatThrownBy(() -> fixture.useCases.registerPlatformUser().register(Fixture.adminOf(acme), noPassword))
                .isInstanceOf(InvalidInput.class)
                .satisfies(e -> assertThat(((InvalidInput) e).violations())
                        .containsExactly(new Violation(Input.PASSWORD, Rule.REQUIRED, 0)));
        assertThat(fixture.useCases
                        .listPlatformUsers()
                        .list(Fixture.adminOf(acme), Optional.empty(), PageRequest.first())
                        .total())
                .isZero();
    }

    @Test
    void login_with_the_right_password_creates_a_named_token() {
        fixture.useCases.registerPlatformUser().register(Fixture.adminOf(acme), ann("ann@acme.test"));

        var signedIn = fixture.useCases
                .loginPlatformUser()
                .login(
                        Fixture.adminOf(acme),
                        new EmailAddress("Ann@Acme.test"),
                        "correct horse",
                        NewToken.named("laptop"));

        assertThat(signedIn.token().name()).isEqualTo("laptop");
        assertThat(fixture.authenticates(signedIn.token())).isTrue();
    }

    @Test
    void a_password_past_the_72_bytes_bcrypt_reads_is_refused_even_when_its_start_matches() {
        String password = "\u00e9".repeat(36);
        fixture.useCases
                .registerPlatformUser()
                .register(
                        Fixture.adminOf(acme),
                        new NewPlatformUser(
                                "Ann",
                                new EmailAddress("ann@acme.test"),
                                Optional.of(new Password(password)),
                                Optional.empty()));
        var login = fixture.useCases.loginPlatformUser();
        var email = new EmailAddress("ann@acme.test");

        assertThatThrownBy(() -> login.login(Fixture.adminOf(acme), email, password + "!", NewToken.named("x")))
                .isInstanceOf(InvalidCredentials.class);
        assertThat(fixture.authenticates(login.login(Fixture.adminOf(acme), email, password, NewToken.named("x"))
                        .token()))
                .isTrue();
    }

    @Test
    void a_wrong_password_an_unknown_email_another_platform_and_an_admin_are_the_same_refusal() {
        fixture.useCases.registerPlatformUser().register(Fixture.adminOf(acme), ann("ann@acme.test"));
        var login = fixture.useCases.loginPlatformUser();
        var token = NewToken.named("api-token");

        assertThatThrownBy(() ->
                        login.login(Fixture.adminOf(acme), new EmailAddress("ann@acme.test"), "wrong horse", token))
                .isInstanceOf(InvalidCredentials.class)
                .hasMessage("Invalid credentials.");
        assertThatThrownBy(() -> login.login(Fixture.adminOf(acme), new EmailAddress("nobody@acme.test"), "x", token))
                .isInstanceOf(InvalidCredentials.class);
        assertThatThrownBy(() ->
                        login.login(Fixture.adminOf(globex), new EmailAddress("ann@acme.test"), "correct horse", token))
                .isInstanceOf(InvalidCredentials.class);
        assertThatThrownBy(() ->
                        login.login(Fixture.adminOf(acme), new EmailAddress("admin@acme.test"), "anything", token))
                .isInstanceOf(InvalidCredentials.class);
    }

    @Test
    void after_a_logout_all_the_user_logs_in_again_and_the_new_token_works() {
        var registered = fixture.useCases.registerPlatformUser().register(Fixture.adminOf(acme), ann("ann@acme.test"));
        fixture.useCases
                .logoutPlatformUser()
                .logout(
                        Fixture.adminOf(acme),
                        LogoutTarget.user(registered.user().id()));
        assertThat(fixture.authenticates(registered.token())).isFalse();

        var again = fixture.useCases
                .loginPlatformUser()
                .login(
                        Fixture.adminOf(acme),
                        new EmailAddress("ann@acme.test"),
                        "correct horse",
                        NewToken.named("api-token"));

        assertThat(fixture.authenticates(again.token())).isTrue();
    }

    @Test
    void an_unknown_email_costs_the_same_one_hash_comparison_as_a_wrong_password() {
        var hasher = new CountingHasher();
        var useCases = new WhitelabelUseCases(fixture.storage, hasher, fixture.clock);
        useCases.registerPlatformUser().register(Fixture.adminOf(acme), ann("ann@acme.test"));
        var token = NewToken.named("api-token");

        hasher.comparisons = 0;
        assertThatThrownBy(() -> useCases.loginPlatformUser()
                .login(Fixture.adminOf(acme), new EmailAddress("ann@acme.test"), "wrong horse", token));
        int wrongPassword = hasher.comparisons;
        hasher.comparisons = 0;
        assertThatThrownBy(() -> useCases.loginPlatformUser()
                .login(Fixture.adminOf(acme), new EmailAddress("nobody@acme.test"), "wrong horse", token));

        assertThat(wrongPassword).isEqualTo(1);
        assertThat(hasher.comparisons).isEqualTo(1);
    }

    /** A command-line call builds every use case and logs no one in: it must not pay for the decoy's hash. */
    @Test
    void the_decoy_hash_is_made_by_the_first_login_whether_its_email_is_known_or_not() {
        var hasher = new CountingHasher();
        var useCases = new WhitelabelUseCases(fixture.storage, hasher, fixture.clock);
        var token = NewToken.named("api-token");
        assertThat(hasher.hashes).as("hashes made by building the use cases").isZero();

        assertThatThrownBy(() -> useCases.loginPlatformUser()
                .login(Fixture.adminOf(acme), new EmailAddress("nobody@acme.test"), "wrong horse", token));
        assertThatThrownBy(() -> useCases.loginPlatformUser()
                .login(Fixture.adminOf(acme), new EmailAddress("nobody@acme.test"), "wrong horse", token));
        assertThat(hasher.hashes).as("one decoy, made once").isEqualTo(1);

        var known = new CountingHasher();
        var others = new WhitelabelUseCases(fixture.storage, known, fixture.clock);
        others.registerPlatformUser().register(Fixture.adminOf(acme), ann("ann@acme.test"));
        known.hashes = 0;
        assertThatThrownBy(() -> others.loginPlatformUser()
                .login(Fixture.adminOf(acme), new EmailAddress("ann@acme.test"), "wrong horse", token));
        assertThat(known.hashes)
                .as("the first login of a known email makes it too")
                .isEqualTo(1);
    }

    /** BCrypt at cost 4, counting the hashes made and the comparisons a login makes. */
    static final class CountingHasher implements PasswordHasher {
        private final BcryptPasswordHasher bcrypt = new BcryptPasswordHasher(4);
        int hashes;
        int comparisons;

        @Override
        public String hash(String password) {
            hashes++;
            return bcrypt.hash(password);
        }

        @Override
        public boolean matches(String password, String hash) {
            comparisons++;
            return bcrypt.matches(password, hash);
        }
    }
}
