package dev.whitelabel.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.whitelabel.adapters.persistence.DatabaseSettings;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGTERM while requests are in flight: they all finish, the process exits 0, and nothing leaks to the log. */
class GracefulShutdownIT {

    static final Path JAR = Path.of("target", "whitelabel.jar");
    static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @TempDir
    Path directory;

    @Test
    void sigterm_lets_requests_in_flight_finish_and_exits_0() throws Exception {
        String dbUrl = DatabaseSettings.embeddedH2Url(directory.resolve("whitelabel"));
        var json = new ObjectMapper();
        var create = new ProcessBuilder(JAVA, "-jar", JAR.toString(), "platform", "create", "--name", "Acme",
                "--admin-email", "admin@acme.test", "--db-url", dbUrl).start();
        String admin = json.readTree(create.getInputStream()).get("token").asText();
        assertThat(create.waitFor()).isZero();
        Path log = directory.resolve("serve.log");
        var server = new ProcessBuilder(JAVA, "-jar", JAR.toString(), "serve", "--port", "0", "--host", "127.0.0.1",
                "--db-url", dbUrl).redirectError(log.toFile()).start();
        int port = json.readTree(new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))
                .readLine()).get("port").asInt();
        var http = HttpClient.newHttpClient();
        String register = "{\"name\":\"Ann\",\"email\":\"ann@acme.test\",\"password\":\"correct horse battery\"}";
        http.send(post(port, admin, "/api/white-label/register", register), HttpResponse.BodyHandlers.ofString());
        String login = "{\"email\":\"ann@acme.test\",\"password\":\"correct horse battery\"}";

        // each login checks a BCrypt hash (tens of ms), so eight of them on two cores are still running at the signal
        List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            inFlight.add(http.sendAsync(post(port, admin, "/api/white-label/login", login), HttpResponse.BodyHandlers.ofString()));
        }
        Thread.sleep(60);
        server.destroy(); // SIGTERM

        for (var request : inFlight) {
            var answer = request.get(20, TimeUnit.SECONDS);
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).contains("Login successful.");
        }
        assertThat(server.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(server.exitValue()).isZero();
        String logged = Files.readString(log);
        assertThat(logged).contains("stopped").doesNotContain(admin).doesNotContain("correct horse");
        String afterSignal = logged.substring(logged.indexOf("stopping"));
        assertThat(afterSignal).as("logins answered after the signal arrived").contains("POST /api/white-label/login 200");
    }

    private static HttpRequest post(int port, String token, String path, String body) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }
}
