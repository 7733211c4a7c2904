package dev.whitelabel.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.whitelabel.adapters.http.HttpServer;
import dev.whitelabel.adapters.http.HttpSettings;
import dev.whitelabel.adapters.persistence.DatabaseSettings;
import dev.whitelabel.domain.model.EmailAddress;
import dev.whitelabel.domain.model.NewPlatform;
import dev.whitelabel.domain.model.NewPlatformUser;
import dev.whitelabel.domain.model.NewToken;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The product as `serve` wires it (H2 file, JDBI, Javalin), driven over real HTTP. */
class EmbeddedServerTest {

    @TempDir
    Path directory;

    Wiring wiring;
    HttpServer server;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        wiring = Wiring.open(DatabaseSettings.of(DatabaseSettings.embeddedH2Url(directory.resolve("whitelabel"))));
        server = HttpApi.create(wiring.useCases(), HttpSettings.defaults()).start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        server.stop();
        wiring.close();
    }

    HttpResponse<String> send(HttpRequest.Builder request, String token) throws Exception {
        return http.send(
                request.header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpRequest.Builder to(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
    }

    /** HttpApi hands every route group its use cases: a group left out would be a documented route that 404s. */
    @Test
    void every_documented_route_is_served() throws Exception {
        var document = new ObjectMapper()
                .readTree(http.send(to("/openapi.json").build(), HttpResponse.BodyHandlers.ofString())
                        .body());
        Set<String> documented = new TreeSet<>();
        document.get("paths")
                .properties()
                .forEach(path -> path.getValue()
                        .fieldNames()
                        .forEachRemaining(method -> documented.add(method.toUpperCase() + " " + path.getKey())));

        assertThat(new TreeSet<>(server.routes())).isEqualTo(documented);
    }

    @Test
    void an_admin_logs_a_user_out_of_every_token_on_h2() throws Exception {
        var useCases = wiring.useCases();
        var acme =
                useCases.createPlatform().create(new NewPlatform("Acme", new EmailAddress("admin@acme.test"), "Ada"));
        var ann = useCases.createPlatformUser()
                .create(acme.platform().id(), new NewPlatformUser("Ann", new EmailAddress("ann@acme.test")));
        String phone = useCases.createToken()
                .forAnyUser(ann.id(), NewToken.named("phone"))
                .token()
                .value();
        String laptop = useCases.createToken()
                .forAnyUser(ann.id(), NewToken.named("laptop"))
                .token()
                .value();
        assertThat(send(to("/api/user/me").GET(), phone).statusCode()).isEqualTo(200);

        var logout = send(
                to("/api/white-label/logout")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"ann@acme.test\"}")),
                acme.adminToken().token().value());

        assertThat(logout.statusCode()).isEqualTo(200);
        assertThat(logout.body()).isEqualTo("{\"message\":\"User logged out successfully.\",\"revoked_tokens\":2}\n");
        assertThat(send(to("/api/user/me").GET(), phone).statusCode()).isEqualTo(401);
        assertThat(send(to("/api/user/me").GET(), laptop).statusCode()).isEqualTo(401);
        String fresh = useCases.createToken()
                .forAnyUser(ann.id(), NewToken.named("phone"))
                .token()
                .value();
        assertThat(send(to("/api/user/me").GET(), fresh).statusCode()).isEqualTo(200);
    }
}
