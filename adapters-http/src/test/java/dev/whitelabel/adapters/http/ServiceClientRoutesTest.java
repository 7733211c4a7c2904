package dev.whitelabel.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.whitelabel.domain.model.PlatformCreated;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** /api/white-label/service-clients over real HTTP. */
class ServiceClientRoutesTest {

    static final String PATH = "/api/white-label/service-clients";

    @RegisterExtension
    final RunningApi running = new RunningApi();

    PlatformCreated acme;
    String admin;
    String globexAdmin;

    @BeforeEach
    void seed() {
        acme = running.platform("acme");
        admin = RunningApi.adminToken(acme);
        globexAdmin = RunningApi.adminToken(running.platform("globex"));
    }

    @Test
    void an_admin_creates_lists_and_deletes_a_client_whose_secret_is_shown_once() {
        var created = running.api.postJson(PATH, admin, "{\"name\":\"billing api\"}");

        assertThat(created.status()).isEqualTo(201);
        var client = created.json().get("service_client");
        assertThat(created.json().get("message").asText()).isEqualTo("Service client created successfully.");
        assertThat(client.get("client_id").asText()).startsWith("wlc_");
        String secret = client.get("client_secret").asText();
        assertThat(secret).startsWith("wls_");

        var listed = running.api.get(PATH, admin);
        assertThat(listed.json().get("service_clients")).hasSize(1);
        assertThat(listed.json().at("/service_clients/0/name").asText()).isEqualTo("billing api");
        assertThat(listed.body()).doesNotContain(secret).doesNotContain("secret");
        assertThat(running.api.get(PATH, globexAdmin).json().get("service_clients"))
                .isEmpty();

        String one = PATH + "/" + client.get("id").asLong();
        assertThat(running.api.delete(one, globexAdmin).status())
                .as("another platform's admin")
                .isEqualTo(404);
        var deleted = running.api.delete(one, admin);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().get("message").asText()).isEqualTo("Service client deleted successfully.");
        assertThat(running.api.delete(one, admin).body()).isEqualTo("{\"error\":\"Service client not found.\"}\n");
        assertThat(running.api.get(PATH, admin).json().get("service_clients")).isEmpty();
        assertThat(running.api.get("/api/white-label/audit", admin).body())
                .contains("service_client_created")
                .contains("service_client_deleted");
    }

    @Test
    void only_admins_manage_clients_and_names_are_checked() {
        String user = running.token(running.user(acme, "ann@acme.test"));

        assertThat(running.api.postJson(PATH, user, "{\"name\":\"x\"}").status())
                .isEqualTo(403);
        assertThat(running.api.get(PATH, user).status()).isEqualTo(403);
        assertThat(running.api.postJson(PATH, admin, "{}").status()).isEqualTo(422);
        assertThat(running.api.postJson(PATH, admin, "{\"name\":\"a\\u202Eb\"}").status())
                .isEqualTo(422);
        assertThat(running.api.delete(PATH + "/abc", admin).status()).isEqualTo(404);
    }

    @Test
    void a_service_clients_secret_opens_no_api_route() {
        var client = running.serviceClient(acme);

        var asBearer = running.api.get("/api/user/me", client.secret());
        var asBasic = running.api.send(running.api
                .request("/api/user/me", null)
                .header(
                        "Authorization",
                        "Basic " + OAuthRoutesTest.basic(client.client().clientId(), client.secret()))
                .method("GET", HttpRequest.BodyPublishers.noBody()));

        assertThat(asBearer.status()).isEqualTo(401);
        assertThat(asBasic.status()).isEqualTo(401);
    }
}
