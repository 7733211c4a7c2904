package dev.whitelabel.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.whitelabel.adapters.persistence.BcryptPasswordHasher;
import dev.whitelabel.domain.error.InvalidCredentials;
import dev.whitelabel.domain.error.TooManyLoginAttempts;
import dev.whitelabel.domain.model.Device;
import dev.whitelabel.domain.model.EmailAddress;
import dev.whitelabel.domain.model.LoginThrottle;
import dev.whitelabel.domain.model.NewPlatformUser;
import dev.whitelabel.domain.model.NewToken;
import dev.whitelabel.domain.model.Password;
import dev.whitelabel.domain.model.PlatformCreated;
import dev.whitelabel.domain.model.SignedIn;
import dev.whitelabel.domain.model.WebhookPolicy;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Failed logins are counted per (platform, email) and per client address, in a sliding window. */
class LoginThrottleTest {

    final Fixture fixture = new Fixture();
    final WhitelabelUseCases useCases = new WhitelabelUseCases(fixture.storage, new BcryptPasswordHasher(4), fixture.clock,
            WebhookPolicy.publicTargetsOnly(), new LoginThrottle(3, 5, Duration.ofMinutes(15)));
    final PlatformCreated acme = fixture.platform("acme");
    final PlatformCreated globex = fixture.platform("globex");

    LoginThrottleTest() {
        for (var platform : new PlatformCreated[] {acme, globex}) {
            useCases.registerPlatformUser().register(Fixture.adminOf(platform), new NewPlatformUser("Ann",
                    new EmailAddress("ann@acme.test"), Optional.of(new Password("correct horse")), Optional.empty()));
        }
    }

    SignedIn login(PlatformCreated platform, String email, String password, String ip) {
        var device = new Device(Optional.empty(), Optional.empty(), Optional.of(ip));
        return useCases.loginPlatformUser().login(Fixture.adminOf(platform), new EmailAddress(email), password,
                NewToken.named("login").on(device));
    }

    void failTimes(int times, String email, String ip) {
        for (int i = 0; i < times; i++) {
            assertThatThrownBy(() -> login(acme, email, "wrong", ip)).isInstanceOf(InvalidCredentials.class);
            fixture.clock.advance(Duration.ofMinutes(1));
        }
    }

    @Test
    void after_the_limit_even_the_right_password_waits_for_the_window() {
        failTimes(3, "ann@acme.test", "198.51.100.1");

        assertThatThrownBy(() -> login(acme, "ann@acme.test", "correct horse", "198.51.100.2"))
                .isInstanceOf(TooManyLoginAttempts.class)
                // the oldest of the three failed 3 minutes ago: 12 minutes more
                .hasMessage("Too many login attempts. Please try again in 720 seconds.")
                .satisfies(e -> assertThat(((TooManyLoginAttempts) e).retryAfterSeconds()).isEqualTo(720));
        assertThat(login(globex, "ann@acme.test", "correct horse", "198.51.100.1")).isNotNull();

        fixture.clock.advance(Duration.ofMinutes(12));
        assertThat(login(acme, "ann@acme.test", "correct horse", "198.51.100.2")).isNotNull();
    }

    @Test
    void an_unknown_email_is_answered_as_a_known_one() {
        failTimes(3, "nobody@acme.test", "198.51.100.1");

        assertThatThrownBy(() -> login(acme, "nobody@acme.test", "correct horse", "198.51.100.2"))
                .isInstanceOf(TooManyLoginAttempts.class)
                .hasMessage("Too many login attempts. Please try again in 720 seconds.");
    }

    @Test
    void a_success_resets_the_emails_count() {
        failTimes(2, "ann@acme.test", "198.51.100.1");
        login(acme, "ann@acme.test", "correct horse", "198.51.100.1");
        failTimes(2, "ann@acme.test", "198.51.100.1");

        assertThat(login(acme, "ann@acme.test", "correct horse", "198.51.100.1")).isNotNull();
    }

    @Test
    void one_address_trying_many_emails_is_stopped_by_its_own_limit() {
        for (int i = 0; i < 5; i++) {
            failTimes(1, "guess" + i + "@acme.test", "203.0.113.9");
        }

        assertThatThrownBy(() -> login(acme, "ann@acme.test", "correct horse", "203.0.113.9"))
                .isInstanceOf(TooManyLoginAttempts.class);
        assertThat(login(acme, "ann@acme.test", "correct horse", "203.0.113.10")).isNotNull();
    }

    @Test
    void a_refused_attempt_is_not_counted() {
        failTimes(3, "ann@acme.test", "198.51.100.1");
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> login(acme, "ann@acme.test", "wrong", "198.51.100.1"))
                    .isInstanceOf(TooManyLoginAttempts.class);
        }

        fixture.clock.advance(Duration.ofMinutes(15));
        assertThat(login(acme, "ann@acme.test", "correct horse", "198.51.100.1")).isNotNull();
    }
}
