package dev.whitelabel.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.whitelabel.adapters.http.HttpServer;
import dev.whitelabel.adapters.http.HttpSettings;
import dev.whitelabel.adapters.persistence.BcryptPasswordHasher;
import dev.whitelabel.adapters.persistence.Database;
import dev.whitelabel.adapters.persistence.DatabaseSettings;
import dev.whitelabel.adapters.persistence.jdbi.JdbiStorage;
import dev.whitelabel.application.WhitelabelUseCases;
import dev.whitelabel.domain.model.EmailAddress;
import dev.whitelabel.domain.model.LoginThrottle;
import dev.whitelabel.domain.model.NewPlatform;
import dev.whitelabel.domain.model.NewPlatformUser;
import dev.whitelabel.domain.model.NewToken;
import dev.whitelabel.domain.model.Password;
import dev.whitelabel.domain.model.WebhookPolicy;
import dev.whitelabel.domain.port.out.HostResolver;
import dev.whitelabel.domain.port.out.PasswordHasher;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An attacker's password guesses for one email, all released at once with the right one somewhere
 * among them: however they arrive, at most the limit of them are checked, and a guess that is not
 * checked is refused the same whether it was right or not.
 */
class ParallelGuessesTest {

    static final int GUESSES = 64;
    static final int LIMIT = LoginThrottle.DEFAULT.perEmail();
    static final String RIGHT = "correct horse battery";

    @TempDir
    Path directory;

    final TestDatabases databases = new TestDatabases();
    final SlowCountingHasher hasher = new SlowCountingHasher();
    final HttpClient http = HttpClient.newHttpClient();
    final ExecutorService pool = Executors.newFixedThreadPool(GUESSES);
    final List<HttpServer> instances = new ArrayList<>();
    String admin;
    String annToken;

    /** BCrypt at its production cost takes about a tenth of a second: the window the guesses race in. */
    static final class SlowCountingHasher implements PasswordHasher {
        final PasswordHasher bcrypt = new BcryptPasswordHasher(4);
        final AtomicInteger checked = new AtomicInteger();

        @Override
        public String hash(String password) {
            return bcrypt.hash(password);
        }

        @Override
        public boolean matches(String password, String hash) {
            checked.incrementAndGet();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return bcrypt.matches(password, hash);
        }
    }

    /** {@code count} instances of the product on one database, each with its own pool, as separate JVMs. */
    void start(String database, int count) {
        String url = databases.url(database, directory);
        List<WhitelabelUseCases> everyInstancesUseCases = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            var dataSource = databases.closeLater(Database.open(DatabaseSettings.of(url)));
            var useCases = new WhitelabelUseCases(
                    JdbiStorage.over(dataSource),
                    hasher,
                    Clock.systemUTC(),
                    WebhookPolicy.publicTargetsOnly(),
                    LoginThrottle.DEFAULT,
                    HostResolver.SYSTEM);
            var server = HttpApi.create(useCases, HttpSettings.defaults()).start("127.0.0.1", 0);
            databases.closeLater(server::stop);
            everyInstancesUseCases.add(useCases);
            instances.add(server);
        }
        var first = everyInstancesUseCases.get(0);
        var acme = first.createPlatform().create(new NewPlatform("Acme", new EmailAddress("admin@acme.test"), "Ada"));
        admin = acme.adminToken().token().value();
        var ann = first.createPlatformUser()
                .create(
                        acme.platform().id(),
                        new NewPlatformUser(
                                "Ann",
                                new EmailAddress("ann@acme.test"),
                                Optional.of(new Password(RIGHT)),
                                Optional.empty()));
        annToken = first.createToken()
                .forAnyUser(ann.id(), NewToken.named("laptop"))
                .token()
                .value();
        hasher.checked.set(0);
    }

    @AfterEach
    void stop() throws Exception {
        pool.shutdownNow();
        databases.close();
    }

    record Guess(boolean right, int status) {}

    /** The guesses, the right one at a random place, sent round the instances and released together. */
    List<Guess> guessTogether(String path, String token, Function<String, String> body) throws Exception {
        int right = ThreadLocalRandom.current().nextInt(GUESSES);
        var start = new CountDownLatch(1);
        List<Future<Guess>> answers = new ArrayList<>();
        for (int i = 0; i < GUESSES; i++) {
            String password = i == right ? RIGHT : "wrong guess " + i;
            var server = instances.get(i % instances.size());
            var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                    .header("Authorization", "Bearer " + token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.apply(password)))
                    .build();
            boolean isRight = i == right;
            answers.add(pool.submit(() -> {
                start.await();
                return new Guess(
                        isRight,
                        http.send(request, HttpResponse.BodyHandlers.discarding())
                                .statusCode());
            }));
        }
        start.countDown();
        List<Guess> guesses = new ArrayList<>();
        for (var answer : answers) {
            guesses.add(answer.get());
        }
        return guesses;
    }

    /**
     * At most the limit checked; every guess checked answers as its password deserves, every other one
     * 429, the right one included. A right guess that was checked got in, as it would have alone, and
     * reset the count as any success does: the guesses after it may be checked again, up to the limit.
     */
    void assertOnlyTheLimitChecked(List<Guess> guesses, int wrongStatus, int rightStatus) {
        int checked = hasher.checked.get();
        Map<Integer, Long> byStatus =
                guesses.stream().collect(Collectors.groupingBy(Guess::status, Collectors.counting()));
        var right = guesses.stream().filter(Guess::right).findFirst().orElseThrow();

        assertThat(right.status())
                .as("the right guess: let in if checked, else refused like any other")
                .isIn(rightStatus, 429);
        assertThat(checked).as("passwords checked").isBetween(1, right.status() == 429 ? LIMIT : 2 * LIMIT);
        assertThat(byStatus.keySet()).isSubsetOf(wrongStatus, rightStatus, 429);
        assertThat(byStatus.getOrDefault(429, 0L)).as("refused unchecked").isEqualTo(GUESSES - checked);
        assertThat(byStatus.getOrDefault(wrongStatus, 0L) + byStatus.getOrDefault(rightStatus, 0L))
                .isEqualTo(checked);
    }

    String login(String password) {
        return "{\"email\":\"ann@acme.test\",\"password\":\"" + password + "\"}";
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void logins_released_together_check_at_most_the_limit(String database) throws Exception {
        start(database, 1);

        var guesses = guessTogether("/api/white-label/login", admin, this::login);

        assertOnlyTheLimitChecked(guesses, 401, 200);
    }

    @Test
    void logins_released_together_on_two_instances_check_at_most_the_limit_between_them() throws Exception {
        start("postgresql", 2);

        var guesses = guessTogether("/api/white-label/login", admin, this::login);

        assertOnlyTheLimitChecked(guesses, 401, 200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void current_password_guesses_released_together_check_at_most_the_limit(String database) throws Exception {
        start(database, 1);

        var guesses = guessTogether(
                "/api/user/password",
                annToken,
                password -> "{\"current_password\":\"" + password + "\",\"password\":\"a new password 1\"}");

        assertOnlyTheLimitChecked(guesses, 422, 200);
    }

    /** Places taken by attempts still being checked are waited for, not refused: a success gives its place back. */
    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void a_users_own_logins_sent_at_once_all_get_in(String database) throws Exception {
        start(database, 1);
        var start = new CountDownLatch(1);
        List<Future<Integer>> logins = new ArrayList<>();
        for (int i = 0; i < 2 * LIMIT; i++) {
            logins.add(pool.submit(() -> {
                start.await();
                return guessOnce(login(RIGHT));
            }));
        }
        start.countDown();

        for (var answer : logins) {
            assertThat(answer.get()).isEqualTo(200);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void a_right_guess_past_the_limit_is_refused_unchecked(String database) throws Exception {
        start(database, 1);
        for (int i = 0; i < LIMIT; i++) {
            guessOnce(login("wrong guess " + i));
        }
        hasher.checked.set(0);

        assertThat(guessOnce(login(RIGHT))).isEqualTo(429);
        assertThat(hasher.checked.get()).isZero();
    }

    int guessOnce(String body) throws Exception {
        return http.send(
                        HttpRequest.newBuilder(URI.create(
                                        "http://127.0.0.1:" + instances.get(0).port() + "/api/white-label/login"))
                                .header("Authorization", "Bearer " + admin)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
