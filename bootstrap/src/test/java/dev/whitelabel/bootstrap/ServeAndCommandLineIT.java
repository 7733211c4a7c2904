package dev.whitelabel.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.whitelabel.adapters.persistence.DatabaseSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped jar in separate processes: `serve` runs while the command line, another JVM, writes
 * to the same H2 file; a logout by the command line is a 401 on the server's very next request.
 */
class ServeAndCommandLineIT {

    @TempDir
    Path directory;

    String dbUrl;
    Process server;
    int port;
    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void serve() throws Exception {
        dbUrl = DatabaseSettings.embeddedH2Url(directory.resolve("whitelabel"));
        var served = ShippedJar.serve(dbUrl, directory.resolve("serve.err"), Map.of());
        server = served.process();
        port = served.port();
    }

    @AfterEach
    void stop() throws Exception {
        server.destroy();
        assertThat(server.waitFor(20, TimeUnit.SECONDS)).isTrue();
    }

    JsonNode cli(String... args) throws Exception {
        return json.readTree(ShippedJar.run(dbUrl, Map.of(), args));
    }

    int me(String token) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/user/me"))
                .header("Authorization", "Bearer " + token)
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    @Test
    void a_logout_by_the_command_line_is_a_401_on_the_running_servers_next_request() throws Exception {
        String platformId = cli("platform", "create", "--name", "Acme", "--admin-email", "admin@acme.test")
                .at("/platform/id")
                .asText();
        String userId = cli("user", "create", "--platform", platformId, "--name", "Ann", "--email", "ann@acme.test")
                .get("id")
                .asText();
        var phone = cli("token", "create", "--user", userId, "--name", "phone");
        var laptop = cli("token", "create", "--user", userId, "--name", "laptop");
        assertThat(me(phone.get("token").asText())).isEqualTo(200);

        cli(
                "user",
                "logout",
                "--platform",
                platformId,
                "--user-id",
                userId,
                "--token-id",
                phone.get("token_id").asText());
        assertThat(me(phone.get("token").asText())).isEqualTo(401);
        assertThat(me(laptop.get("token").asText())).isEqualTo(200);

        var all = cli("user", "logout", "--platform", platformId, "--email", "ann@acme.test");
        assertThat(all.get("revoked_tokens").asInt()).isEqualTo(1);
        assertThat(me(laptop.get("token").asText())).isEqualTo(401);
    }
}
