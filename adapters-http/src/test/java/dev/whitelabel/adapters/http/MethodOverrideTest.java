package dev.whitelabel.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.whitelabel.domain.model.PlatformCreated;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** X-HTTP-Method-Override is ignored: the method on the request line is the method, so a GET never changes state. */
class MethodOverrideTest {

    @RegisterExtension
    final RunningApi running = new RunningApi();

    PlatformCreated acme;
    String admin;
    String annsToken;

    @BeforeEach
    void seed() {
        acme = running.platform("acme");
        admin = RunningApi.adminToken(acme);
        annsToken = running.token(running.user(acme, "ann@acme.test"));
    }

    ApiClient.Answer send(String method, String path, String token, String override) {
        return running.api.send(running.api
                .request(path, token)
                .header("X-HTTP-Method-Override", override)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString("{\"email\":\"ann@acme.test\"}")));
    }

    @Test
    void a_get_that_asks_to_be_a_post_logs_no_one_out_and_is_logged_as_the_get_it_is() {
        try (var logs = new CapturedLogs()) {
            var admins = send("GET", "/api/white-label/logout?email=ann%40acme.test", admin, "POST");
            var self = send("GET", "/api/user/logout", annsToken, "POST");

            assertThat(admins.status()).isEqualTo(405);
            assertThat(self.status()).isEqualTo(405);
            assertThat(running.me(annsToken)).isEqualTo(200);
            assertThat(logs.lines("whitelabel.access"))
                    .filteredOn(line -> line.contains(" 405 "))
                    .hasSize(2)
                    .allMatch(line -> line.startsWith("GET unmatched 405 "));
        }
    }

    @Test
    void a_post_that_asks_to_be_a_delete_deletes_no_api_key() {
        var created = running.api
                .postJson("/api/user/api-keys", annsToken, "{\"name\":\"deploy\"}")
                .json();
        String key = created.at("/api_key/token").asText();

        var answer =
                send("POST", "/api/user/api-keys/" + created.at("/api_key/id").asLong(), annsToken, "DELETE");

        assertThat(answer.status()).isEqualTo(405);
        assertThat(running.me(key)).isEqualTo(200);
    }
}
