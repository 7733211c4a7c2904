package dev.whitelabel.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.whitelabel.adapters.http.HttpServer;
import dev.whitelabel.adapters.http.HttpSettings;
import dev.whitelabel.adapters.persistence.DatabaseSettings;
import dev.whitelabel.adapters.persistence.TestPostgres;
import dev.whitelabel.domain.model.Actor;
import dev.whitelabel.domain.model.EmailAddress;
import dev.whitelabel.domain.model.NewPlatform;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The database goes away (a proxy in front of PostgreSQL is cut) and comes back: the server fails
 * closed with 503s meanwhile and recovers by itself, with no restart.
 */
@EnabledIfEnvironmentVariable(
        named = TestPostgres.URL_VARIABLE,
        matches = ".+",
        disabledReason = "set WHITELABEL_TEST_PG_URL (e.g. jdbc:postgresql://127.0.0.1:5432/test?user=postgres) to run")
class DatabaseOutageTest {

    final HttpClient http = HttpClient.newHttpClient();
    TestPostgres.FreshSchema schema;
    TcpProxy proxy;
    Wiring wiring;
    HttpServer server;

    @BeforeEach
    void start() throws Exception {
        schema = TestPostgres.freshSchema();
        var target = URI.create(schema.url().substring("jdbc:".length()));
        proxy = new TcpProxy(target.getHost(), target.getPort() < 0 ? 5432 : target.getPort());
        String proxied = schema.url().replace(target.getHost() + ":" + target.getPort(), "127.0.0.1:" + proxy.port());
        wiring = Wiring.open(
                new DatabaseSettings(proxied, Optional.empty(), Optional.empty(), 4, Duration.ofMillis(500)));
        server = HttpApi.create(wiring.useCases(), HttpSettings.defaults()).start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() throws Exception {
        server.stop();
        wiring.close();
        proxy.close();
        schema.close();
    }

    HttpResponse<String> get(String path, String token) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(10));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void requests_fail_closed_with_503_while_the_database_is_down_and_recover_without_a_restart() throws Exception {
        var acme = wiring.useCases()
                .createPlatform()
                .create(new NewPlatform("Acme", new EmailAddress("admin@acme.test"), "Ada"));
        String admin = acme.adminToken().token().value();
        var client = wiring.useCases().createServiceClient().create(Actor.whiteLabelAdmin(acme.admin()), "api");
        var introspection = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.port() + "/oauth/introspect"))
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((client.client().clientId() + ":" + client.secret())
                                                .getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("token=" + admin.replace("|", "%7C")))
                .build();
        assertThat(get("/auth/check", admin).statusCode()).isEqualTo(204);
        assertThat(get("/api/user/me", admin).statusCode()).isEqualTo(200);
        assertThat(get("/health", null).statusCode()).isEqualTo(200);

        proxy.cut();

        var down = get("/api/user/me", admin);
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.body()).isEqualTo("{\"message\":\"Service unavailable.\"}\n");
        assertThat(get("/api/white-label/users", admin).statusCode()).isEqualTo(503);
        assertThat(get("/auth/check", admin).statusCode())
                .as("a gateway's refusal")
                .isEqualTo(503);
        assertThat(http.send(introspection, HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(503);
        assertThat(get("/health", null).statusCode()).isEqualTo(503);
        assertThat(get("/health", null).body()).isEqualTo("{\"status\":\"unavailable\"}\n");

        proxy.restore();

        assertThat(eventually200("/api/user/me", admin)).isTrue();
        assertThat(get("/health", null).body()).isEqualTo("{\"status\":\"ok\"}\n");
    }

    private boolean eventually200(String path, String token) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            int status = get(path, token).statusCode();
            assertThat(status)
                    .as("while recovering, never anything but 503 or 200")
                    .isIn(200, 503);
            if (status == 200) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }
}
