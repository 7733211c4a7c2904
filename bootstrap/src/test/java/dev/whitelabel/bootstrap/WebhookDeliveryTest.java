package dev.whitelabel.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.whitelabel.adapters.http.HttpSettings;
import dev.whitelabel.adapters.http.webhooks.HttpWebhookSender;
import dev.whitelabel.adapters.persistence.BcryptPasswordHasher;
import dev.whitelabel.adapters.persistence.Database;
import dev.whitelabel.adapters.persistence.DatabaseSettings;
import dev.whitelabel.adapters.persistence.jdbi.JdbiStorage;
import dev.whitelabel.application.WhitelabelUseCases;
import dev.whitelabel.domain.model.DeliveryLimits;
import dev.whitelabel.domain.model.EmailAddress;
import dev.whitelabel.domain.model.NewPlatform;
import dev.whitelabel.domain.model.NewPlatformUser;
import dev.whitelabel.domain.model.NewToken;
import dev.whitelabel.domain.model.WebhookPolicy;
import dev.whitelabel.domain.port.out.HostResolver;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Webhooks end to end on H2 and PostgreSQL: the real server and dispatcher, a receiver on this
 * machine, every request it gets checked by a Standard Webhooks verifier written in Python from the
 * specification (skipped where python3 is missing), and a receiver that is down for a while.
 */
class WebhookDeliveryTest {

    static final Path VERIFIER = Path.of("src", "test", "resources", "standard_webhooks_verify.py");

    record Received(Map<String, String> headers, String body) {}

    @TempDir
    Path directory;

    final TestDatabases databases = new TestDatabases();
    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();
    final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    /** How many of the next requests the receiver answers 503, as a receiver that is down would. */
    final AtomicInteger refusals = new AtomicInteger();

    WhitelabelUseCases useCases;
    dev.whitelabel.adapters.http.HttpServer server;
    HttpServer receiver;

    @AfterEach
    void close() throws Exception {
        if (receiver != null) {
            receiver.stop(0);
        }
        databases.close();
    }

    void start(String database) throws IOException {
        start(databases.url(database, directory), 1);
    }

    /** {@code instances} instances on one database, each with its dispatcher; the first one serves HTTP. */
    void start(String url, int instances) throws IOException {
        for (int i = 0; i < instances; i++) {
            var pool = databases.closeLater(Database.open(DatabaseSettings.of(url)));
            var instance = new WhitelabelUseCases(
                    JdbiStorage.over(pool), new BcryptPasswordHasher(4), Clock.systemUTC(), new WebhookPolicy(true));
            var deadline = DeliveryLimits.DEFAULT.attemptDeadline();
            var sender =
                    new HttpWebhookSender(new WebhookPolicy(true), HostResolver.SYSTEM, deadline, Clock.systemUTC());
            databases.closeLater(new WebhookDispatcher(
                    instance.deliverWebhooks(sender),
                    deadline,
                    sender::close,
                    new PrometheusMeterRegistry(PrometheusConfig.DEFAULT)));
            if (i == 0) {
                useCases = instance;
                server = HttpApi.create(useCases, HttpSettings.defaults()).start("127.0.0.1", 0);
                databases.closeLater(server::stop);
            }
        }
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks", exchange -> {
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            boolean down = refusals.getAndUpdate(left -> Math.max(0, left - 1)) > 0;
            if (!down) {
                received.add(new Received(headers, body));
            }
            exchange.sendResponseHeaders(down ? 503 : 204, -1);
            exchange.close();
        });
        receiver.start();
    }

    HttpResponse<String> post(String path, String token, String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Runs the Python verifier on one received webhook; answers what it said, empty when the webhook verifies. */
    String verify(String secret, Received webhook) throws Exception {
        var process = new ProcessBuilder("python3", VERIFIER.toString())
                .redirectErrorStream(true)
                .start();
        process.getOutputStream()
                .write(json.writeValueAsBytes(
                        Map.of("secret", secret, "headers", webhook.headers(), "body", webhook.body())));
        process.getOutputStream().close();
        String said = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        int exit = process.waitFor();
        return exit == 0 ? "" : said.isEmpty() ? "exit " + exit : said;
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void a_logout_reaches_the_receiver_signed_and_a_receiver_that_was_down_gets_it_once_back(String database)
            throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "needs python3 for the independent verifier");
        start(database);
        var acme =
                useCases.createPlatform().create(new NewPlatform("Acme", new EmailAddress("admin@acme.test"), "Ada"));
        String admin = acme.adminToken().token().value();
        var ann = useCases.createPlatformUser()
                .create(acme.platform().id(), new NewPlatformUser("Ann", new EmailAddress("ann@acme.test")));
        var phone = useCases.createToken().forAnyUser(ann.id(), NewToken.named("phone"));
        var created = post(
                "/api/white-label/webhooks",
                admin,
                "{\"url\":\"http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        String secret = json.readTree(created.body()).at("/webhook/secret").asText();
        assertThat(secret).startsWith("whsec_");

        post("/api/white-label/logout", admin, "{\"user_id\":" + ann.id() + ",\"token_id\":" + phone.tokenId() + "}");
        Received one = received.poll(5, TimeUnit.SECONDS);

        assertThat(one).as("delivered within seconds of the logout").isNotNull();
        assertThat(verify(secret, one)).isEmpty();
        JsonNode event = json.readTree(one.body());
        assertThat(event.get("type").asText()).isEqualTo("token.revoked");
        assertThat(event.at("/data/token_id").asLong()).isEqualTo(phone.tokenId());
        assertThat(event.at("/data/actor/type").asText()).isEqualTo("admin");
        assertThat(verify(secret.substring(0, secret.length() - 4) + "AAA=", one))
                .as("another key does not verify")
                .isEqualTo("no v1 signature matches");

        refusals.set(1);
        post("/api/white-label/logout", admin, "{\"email\":\"ann@acme.test\"}");
        Received afterDowntime = received.poll(15, TimeUnit.SECONDS);

        assertThat(afterDowntime).as("tried again after the 503").isNotNull();
        assertThat(json.readTree(afterDowntime.body()).get("type").asText()).isEqualTo("user.logged_out");
        assertThat(verify(secret, afterDowntime)).isEmpty();
        assertThat(received.poll(1, TimeUnit.SECONDS))
                .as("each event once while nothing crashes")
                .isNull();
        var deliveries = json.readTree(http.send(
                        HttpRequest.newBuilder(
                                        URI.create("http://127.0.0.1:" + server.port() + "/api/white-label/webhooks/"
                                                + json.readTree(created.body())
                                                        .at("/webhook/id")
                                                        .asLong() + "/deliveries"))
                                .header("Authorization", "Bearer " + admin)
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body());
        assertThat(deliveries.at("/data/0/attempts").asInt()).isEqualTo(2);
        assertThat(deliveries.at("/data/0/last_status").asInt()).isEqualTo(204);
        assertThat(deliveries.at("/data/0/event_id").asText())
                .isEqualTo(afterDowntime.headers().get("webhook-id"));
    }

    /** Two instances' dispatchers on one PostgreSQL, one receiver: each event arrives exactly once while nothing crashes. */
    @Test
    void two_instances_deliver_each_event_exactly_once() throws Exception {
        start(databases.url("postgresql", directory), 2);
        var acme =
                useCases.createPlatform().create(new NewPlatform("Acme", new EmailAddress("admin@acme.test"), "Ada"));
        String admin = acme.adminToken().token().value();
        post(
                "/api/white-label/webhooks",
                admin,
                "{\"url\":\"http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks\"}");
        var ann = useCases.createPlatformUser()
                .create(acme.platform().id(), new NewPlatformUser("Ann", new EmailAddress("ann@acme.test")));
        int logouts = 40;
        for (int i = 0; i < logouts; i++) {
            var token = useCases.createToken().forAnyUser(ann.id(), NewToken.named("t" + i));
            post(
                    "/api/white-label/logout",
                    admin,
                    "{\"user_id\":" + ann.id() + ",\"token_id\":" + token.tokenId() + "}");
        }

        Set<String> ids = new HashSet<>();
        int arrivals = 0;
        Received next;
        while ((next = received.poll(3, TimeUnit.SECONDS)) != null) {
            ids.add(next.headers().get("webhook-id"));
            arrivals++;
        }
        assertThat(ids).hasSize(logouts);
        assertThat(arrivals).as("no event sent twice").isEqualTo(logouts);
    }
}
