package dev.whitelabel.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.whitelabel.adapters.persistence.BcryptPasswordHasher;
import dev.whitelabel.domain.error.InvalidCredentials;
import dev.whitelabel.domain.error.InvalidInput;
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
import dev.whitelabel.domain.port.in.ChangeOwnPasswordCommand;
import dev.whitelabel.domain.port.in.SetPasswordCommand;
import dev.whitelabel.domain.port.out.HostResolver;
import dev.whitelabel.domain.port.out.PasswordHasher;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Failed logins are counted per (platform, email) and per client address, in a sliding window. */
class LoginThrottleTest {

    final Fixture fixture = new Fixture();
    final WhitelabelUseCases useCases = new WhitelabelUseCases(
            fixture.storage,
            new BcryptPasswordHasher(4),
            fixture.clock,
            WebhookPolicy.publicTargetsOnly(),
            new LoginThrottle(3, 5, Duration.ofMinutes(15)),
            HostResolver.SYSTEM);
    final PlatformCreated acme = fixture.platform("acme");
    final PlatformCreated globex = fixture.platform("globex");

    LoginThrottleTest() {
        for (var platform : new PlatformCreated[] {acme, globex}) {
            useCases.registerPlatformUser()
                    .register(
                            Fixture.adminOf(platform),
                            new NewPlatformUser(
                                    "Ann",
                                    new EmailAddress("ann@acme.test"),
                                    Optional.of(new Password("correct horse")),
                                    Optional.empty()));
        }
    }

    SignedIn login(PlatformCreated platform, String email, String password, String ip) {
        var device = new Device(Optional.empty(), Optional.empty(), Optional.of(ip));
        return useCases.loginPlatformUser()
                .login(
                        Fixture.adminOf(platform),
                        new EmailAddress(email),
                        password,
                        NewToken.named("login").on(device),
                        Optional.of(ip));
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
                .satisfies(e -> assertThat(((TooManyLoginAttempts) e).retryAfterSeconds())
                        .isEqualTo(720));
        assertThat(login(globex, "ann@acme.test", "correct horse", "198.51.100.1"))
                .isNotNull();

        fixture.clock.advance(Duration.ofMinutes(12));
        assertThat(login(acme, "ann@acme.test", "correct horse", "198.51.100.2"))
                .isNotNull();
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

        assertThat(login(acme, "ann@acme.test", "correct horse", "198.51.100.1"))
                .isNotNull();
    }

    @Test
    void one_address_trying_many_emails_is_stopped_by_its_own_limit() {
        for (int i = 0; i < 5; i++) {
            failTimes(1, "guess" + i + "@acme.test", "203.0.113.9");
        }

        assertThatThrownBy(() -> login(acme, "ann@acme.test", "correct horse", "203.0.113.9"))
                .isInstanceOf(TooManyLoginAttempts.class);
        assertThat(login(acme, "ann@acme.test", "correct horse", "203.0.113.10"))
                .isNotNull();
    }

    /** A hasher that runs {@code meanwhile} while it checks the right password, as a concurrent request would. */
    static final class SlowHasher implements PasswordHasher {
        final BcryptPasswordHasher bcrypt = new BcryptPasswordHasher(4);
        Runnable meanwhile = () -> {};
        int checked;

        @Override
        public String hash(String password) {
            return bcrypt.hash(password);
        }

        @Override
        public boolean matches(String password, String hash) {
            checked++;
            boolean matches = bcrypt.matches(password, hash);
            if (matches) {
                var work = meanwhile;
                meanwhile = () -> {};
                work.run();
            }
            return matches;
        }
    }

    @Test
    void guesses_sent_while_a_password_is_checked_find_only_the_places_left_and_are_refused_before_a_hash() {
        var hasher = new SlowHasher();
        var racing = new WhitelabelUseCases(
                fixture.storage,
                hasher,
                fixture.clock,
                WebhookPolicy.publicTargetsOnly(),
                new LoginThrottle(3, 5, Duration.ofMinutes(15)),
                HostResolver.SYSTEM);
        var email = new EmailAddress("ann@acme.test");
        hasher.meanwhile = () -> {
            for (int i = 0; i < 2; i++) {
                assertThatThrownBy(() -> racing.loginPlatformUser()
                                .login(Fixture.adminOf(acme), email, "wrong", NewToken.named("guess")))
                        .isInstanceOf(InvalidCredentials.class);
            }
            assertThatThrownBy(() -> racing.loginPlatformUser()
                            .login(Fixture.adminOf(acme), email, "correct horse", NewToken.named("guess")))
                    .as("the third place is the right password's own, still being checked")
                    .isInstanceOf(TooManyLoginAttempts.class);
        };

        assertThat(racing.loginPlatformUser()
                        .login(Fixture.adminOf(acme), email, "correct horse", NewToken.named("first")))
                .isNotNull();
        assertThat(hasher.checked)
                .as("the right one and the two that found a place")
                .isEqualTo(3);
    }

    @Test
    void a_password_changed_while_a_login_checks_the_old_one_ends_that_login() {
        var hasher = new SlowHasher();
        var racing = new WhitelabelUseCases(fixture.storage, hasher, fixture.clock);
        var annId = fixture.storage
                .users()
                .findOnPlatform(acme.platform().id(), new EmailAddress("ann@acme.test"))
                .orElseThrow()
                .id();
        hasher.meanwhile = () -> racing.setPassword()
                .setPassword(new SetPasswordCommand(Fixture.adminOf(acme), annId, new Password("battery staple")));

        assertThatThrownBy(() -> racing.loginPlatformUser()
                        .login(
                                Fixture.adminOf(acme),
                                new EmailAddress("ann@acme.test"),
                                "correct horse",
                                NewToken.named("old password")))
                .isInstanceOf(InvalidCredentials.class);
        assertThat(fixture.storage.tokens().listLive(acme.platform().id(), annId, fixture.clock.instant()))
                .isEmpty();
    }

    @Test
    void guessing_the_current_password_with_a_stolen_token_counts_as_failed_logins() {
        var token =
                login(acme, "ann@acme.test", "correct horse", "198.51.100.1").token();
        var caller =
                useCases.authenticateToken().authenticate(token.token().value()).orElseThrow();
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> useCases.changeOwnPassword()
                            .changeOwnPassword(
                                    new ChangeOwnPasswordCommand(caller, "guess", new Password("battery staple"))))
                    .isInstanceOf(InvalidInput.class);
        }

        assertThatThrownBy(() -> useCases.changeOwnPassword()
                        .changeOwnPassword(
                                new ChangeOwnPasswordCommand(caller, "correct horse", new Password("battery staple"))))
                .isInstanceOf(TooManyLoginAttempts.class);
    }

    @Test
    void pruning_never_resets_a_count_still_in_the_window() {
        failTimes(3, "ann@acme.test", "198.51.100.1");

        useCases.pruneTokens().prune(Duration.ZERO);

        assertThatThrownBy(() -> login(acme, "ann@acme.test", "correct horse", "198.51.100.1"))
                .isInstanceOf(TooManyLoginAttempts.class);
    }

    @Test
    void a_refused_attempt_is_not_counted() {
        failTimes(3, "ann@acme.test", "198.51.100.1");
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> login(acme, "ann@acme.test", "wrong", "198.51.100.1"))
                    .isInstanceOf(TooManyLoginAttempts.class);
        }

        fixture.clock.advance(Duration.ofMinutes(15));
        assertThat(login(acme, "ann@acme.test", "correct horse", "198.51.100.1"))
                .isNotNull();
    }

    /** A flood of guesses once every place is taken: a few of them wait for a place, the rest are refused at once. */
    @Test
    void at_most_a_few_attempts_wait_for_a_place_and_the_rest_are_refused_at_once() throws Exception {
        failTimes(3, "ann@acme.test", "198.51.100.1");
        fixture.clock.advance(Duration.ofMinutes(-3));
        var pool = java.util.concurrent.Executors.newFixedThreadPool(20);
        try {
            List<java.util.concurrent.Future<Long>> took = new java.util.ArrayList<>();
            for (int i = 0; i < 20; i++) {
                took.add(pool.submit(() -> {
                    long started = System.nanoTime();
                    assertThatThrownBy(() -> login(acme, "ann@acme.test", "wrong", "198.51.100.1"))
                            .isInstanceOf(TooManyLoginAttempts.class);
                    return (System.nanoTime() - started) / 1_000_000;
                }));
            }
            long waited = 0;
            for (var millis : took) {
                if (millis.get() >= LoginThrottling.UNDER_WAY.toMillis()) {
                    waited++;
                }
            }
            assertThat(waited).isPositive().isLessThanOrEqualTo(LoginThrottling.WAITERS);
        } finally {
            pool.shutdownNow();
        }
    }
}
