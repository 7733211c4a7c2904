package dev.whitelabel.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.whitelabel.adapters.http.HttpServer;
import dev.whitelabel.adapters.http.HttpSettings;
import dev.whitelabel.adapters.persistence.DatabaseSettings;
import dev.whitelabel.domain.model.EmailAddress;
import dev.whitelabel.domain.model.NewPlatform;
import dev.whitelabel.domain.model.NewPlatformUser;
import dev.whitelabel.domain.model.NewToken;
import dev.whitelabel.domain.model.User;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Requests that race for the same user, token or email, over real HTTP on a real database. */
class RacesTest {

    @TempDir
    Path directory;

    final TestDatabases databases = new TestDatabases();
    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();
    final ExecutorService pool = Executors.newFixedThreadPool(8);
    Wiring wiring;
    HttpServer server;
    String admin;
    User ann;

    void start(String database) {
        wiring = databases.closeLater(Wiring.open(DatabaseSettings.of(databases.url(database, directory))));
        server = HttpApi.create(wiring.useCases(), HttpSettings.defaults()).start("127.0.0.1", 0);
        databases.closeLater(server::stop);
        var acme = wiring.useCases()
                .createPlatform()
                .create(new NewPlatform("Acme", new EmailAddress("admin@acme.test"), "Ada"));
        admin = acme.adminToken().token().value();
        ann = wiring.useCases()
                .createPlatformUser()
                .create(acme.platform().id(), new NewPlatformUser("Ann", new EmailAddress("ann@acme.test")));
    }

    @AfterEach
    void stop() throws Exception {
        pool.shutdownNow();
        databases.close();
    }

    record Answer(int status, JsonNode body, long startedNanos, long endedNanos) {}

    Answer post(String path, String token, String body) throws Exception {
        long started = System.nanoTime();
        var response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), json.readTree(response.body()), started, System.nanoTime());
    }

    int me(String token) throws Exception {
        return http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/user/me"))
                                .header("Authorization", "Bearer " + token)
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    /** Runs {@code copies} of {@code work} released at the same instant. */
    <T> List<T> together(int copies, Callable<T> work) throws Exception {
        var start = new CountDownLatch(1);
        List<Future<T>> futures = new ArrayList<>();
        for (int i = 0; i < copies; i++) {
            futures.add(pool.submit(() -> {
                start.await();
                return work.call();
            }));
        }
        start.countDown();
        List<T> results = new ArrayList<>();
        for (var future : futures) {
            results.add(future.get());
        }
        return results;
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void a_token_created_after_a_logout_all_is_live_and_one_created_before_is_dead(String database) throws Exception {
        start(database);
        var created = new ConcurrentLinkedQueue<Answer>();
        long stopAt = System.nanoTime() + 1_500_000_000L;
        Callable<Void> creator = () -> {
            while (System.nanoTime() < stopAt) {
                created.add(post("/api/white-label/token", admin, "{\"user_id\":" + ann.id() + "}"));
            }
            return null;
        };
        var creators = List.of(pool.submit(creator), pool.submit(creator), pool.submit(creator));
        Thread.sleep(500);
        Answer logout = post("/api/white-label/logout", admin, "{\"user_id\":" + ann.id() + "}");
        for (var future : creators) {
            future.get();
        }

        assertThat(logout.status()).isEqualTo(200);
        int before = 0;
        int after = 0;
        for (Answer creation : created) {
            assertThat(creation.status()).as("no error answers during the race").isEqualTo(200);
            String token = creation.body().get("token").asText();
            if (creation.endedNanos() < logout.startedNanos()) {
                assertThat(me(token)).as("acknowledged before the logout began").isEqualTo(401);
                before++;
            } else if (creation.startedNanos() > logout.endedNanos()) {
                assertThat(me(token))
                        .as("asked for after the logout was acknowledged")
                        .isEqualTo(200);
                after++;
            }
        }
        assertThat(before).isPositive();
        assertThat(after).isPositive();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void concurrent_logouts_of_one_token_report_it_revoked_exactly_once(String database) throws Exception {
        start(database);
        var token = wiring.useCases().createToken().forAnyUser(ann.id(), NewToken.named("phone"));
        String body = "{\"user_id\":" + ann.id() + ",\"token_id\":" + token.tokenId() + "}";

        var answers = together(8, () -> post("/api/white-label/logout", admin, body));

        assertThat(answers).extracting(Answer::status).containsOnly(200);
        assertThat(answers.stream()
                        .mapToInt(a -> a.body().get("revoked_tokens").asInt())
                        .sum())
                .isEqualTo(1);
        assertThat(me(token.token().value())).isEqualTo(401);
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void concurrent_registrations_of_one_email_make_one_user(String database) throws Exception {
        start(database);
        String body = "{\"name\":\"Bo\",\"email\":\"bo@acme.test\",\"password\":\"correct horse\"}";

        var answers = together(8, () -> post("/api/white-label/register", admin, body));

        assertThat(answers).extracting(Answer::status).containsOnly(201, 422);
        assertThat(answers.stream().filter(a -> a.status() == 201)).hasSize(1);
        answers.stream()
                .filter(a -> a.status() == 422)
                .forEach(a ->
                        assertThat(a.body().get("message").asText()).isEqualTo("The email has already been taken."));
    }
}
