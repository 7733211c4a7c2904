package dev.whitelabel.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.whitelabel.domain.model.PlatformCreated;
import dev.whitelabel.domain.model.User;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** GET /api/white-label/users, /users/{id}/tokens and /audit over real HTTP. */
class ListingRoutesTest {

    @RegisterExtension
    final RunningApi running = new RunningApi();

    ApiClient api;
    PlatformCreated acme;
    PlatformCreated globex;
    String acmeAdmin;
    User ann;
    User bob;

    @BeforeEach
    void seed() {
        api = running.api;
        acme = running.platform("acme");
        globex = running.platform("globex");
        acmeAdmin = RunningApi.adminToken(acme);
        ann = running.user(acme, "ann@acme.test");
        bob = running.user(acme, "bob@acme.test");
        running.user(globex, "gus@globex.test");
    }

    @Test
    void users_are_listed_a_page_at_a_time_with_links_and_meta() {
        var json =
                api.get("/api/white-label/users?per_page=1&page=2", acmeAdmin).json();

        assertThat(json.get("data")).hasSize(1);
        assertThat(json.get("data").get(0).get("email").asText()).isEqualTo("bob@acme.test");
        assertThat(json.get("data").get(0).get("created_at").asText()).endsWith("Z");
        assertThat(json.at("/meta/total").asInt()).isEqualTo(2);
        assertThat(json.at("/meta/last_page").asInt()).isEqualTo(2);
        assertThat(json.at("/meta/current_page").asInt()).isEqualTo(2);
        assertThat(json.at("/meta/from").asInt()).isEqualTo(2);
        assertThat(json.at("/links/prev").asText()).isEqualTo("/api/white-label/users?page=1&per_page=1");
        assertThat(json.at("/links/next").isNull()).isTrue();
    }

    @Test
    void users_are_searched_by_email_and_admins_are_not_listed() {
        var json = api.get("/api/white-label/users?search=BOB", acmeAdmin).json();
        var all = api.get("/api/white-label/users", acmeAdmin).json();

        assertThat(json.get("data")).hasSize(1);
        assertThat(json.at("/data/0/id").asLong()).isEqualTo(bob.id());
        assertThat(json.at("/links/first").asText()).endsWith("&search=BOB");
        assertThat(all.toString()).doesNotContain("admin@acme.test").doesNotContain("gus@globex.test");
    }

    /** Javalin's gzip, with no content type excluded (HttpServer): long answers compressed, short ones not. */
    @Test
    void a_long_listing_is_gzipped_for_a_client_that_accepts_it_and_a_short_answer_is_not() throws Exception {
        for (int i = 0; i < 30; i++) {
            running.user(acme, "user" + i + "@acme.test");
        }
        var client = HttpClient.newHttpClient();
        var listing = client.send(
                HttpRequest.newBuilder(URI.create(
                                "http://127.0.0.1:" + running.server.port() + "/api/white-label/users?per_page=100"))
                        .header("Authorization", "Bearer " + acmeAdmin)
                        .header("Accept-Encoding", "gzip")
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        var live = client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + running.server.port() + "/health/live"))
                        .header("Accept-Encoding", "gzip")
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(listing.headers().firstValue("Content-Encoding")).hasValue("gzip");
        String json = new String(
                new GZIPInputStream(new ByteArrayInputStream(listing.body())).readAllBytes(), StandardCharsets.UTF_8);
        assertThat(json).contains("\"email\":\"user29@acme.test\"");
        assertThat(live.headers().firstValue("Content-Encoding")).isEmpty();
        assertThat(live.body()).isEqualTo("{\"status\":\"ok\"}\n");
    }

    @Test
    void pagination_parameters_are_validated() {
        assertThat(api.get("/api/white-label/users?page=abc", acmeAdmin)
                        .json()
                        .get("message")
                        .asText())
                .isEqualTo("The page field must be an integer.");
        assertThat(api.get("/api/white-label/users?page=0", acmeAdmin)
                        .json()
                        .get("message")
                        .asText())
                .isEqualTo("The page field must be at least 1.");
        assertThat(api.get("/api/white-label/users?per_page=1000", acmeAdmin).status())
                .isEqualTo(422);
        assertThat(api.get("/api/white-label/users?page=1&page=2", acmeAdmin).status())
                .isEqualTo(422);
    }

    /** A misspelt filter once listed every user, as if there were none: the caller saw no sign of the typo. */
    @Test
    void a_query_parameter_a_listing_does_not_take_is_a_400_naming_it() {
        var answer = api.get("/api/white-label/users?serach=bob&per_page=1", acmeAdmin);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body())
                .isEqualTo("{\"message\":\"Unknown query parameter 'serach': this route takes page, per_page and search"
                        + " only.\"}\n");
        assertThat(api.get("/api/white-label/audit?Page=2", acmeAdmin)
                        .json()
                        .get("message")
                        .asText())
                .isEqualTo("Unknown query parameter 'Page': this route takes page and per_page only.");
        assertThat(api.get("/api/white-label/users/" + ann.id() + "/tokens?search=x", acmeAdmin)
                        .status())
                .isEqualTo(400);
    }

    @Test
    void a_users_tokens_are_listed_without_secrets_newest_first_with_revocation_times() {
        String first = running.token(ann);
        String second = running.token(ann);
        api.postJson(
                "/api/white-label/logout",
                acmeAdmin,
                "{\"user_id\":" + ann.id() + ",\"token_id\":" + RunningApi.idOf(first) + "}");

        var answer = api.get("/api/white-label/users/" + ann.id() + "/tokens", acmeAdmin);

        var data = answer.json().get("data");
        assertThat(data).hasSize(2);
        assertThat(data.get(0).get("id").asLong()).isEqualTo(RunningApi.idOf(second));
        assertThat(data.get(0).get("revoked_at").isNull()).isTrue();
        assertThat(data.get(1).get("revoked_at").isNull()).isFalse();
        assertThat(data.get(0).get("name").asText()).isEqualTo("api-token");
        assertThat(data.get(0).has("last_used_at")).isTrue();
        assertThat(answer.body())
                .doesNotContain(first.substring(first.indexOf('|') + 1))
                .doesNotContain(second.substring(second.indexOf('|') + 1))
                .doesNotContain("hash");
    }

    @Test
    void tokens_of_another_platforms_user_an_admin_or_a_bad_id_are_user_not_found() {
        var gus = running.user(globex, "gus2@globex.test");
        String notFound = "{\"error\":\"User not found.\"}\n";

        assertThat(api.get("/api/white-label/users/" + gus.id() + "/tokens", acmeAdmin)
                        .body())
                .isEqualTo(notFound);
        assertThat(api.get("/api/white-label/users/" + acme.admin().id() + "/tokens", acmeAdmin)
                        .body())
                .isEqualTo(notFound);
        assertThat(api.get("/api/white-label/users/abc/tokens", acmeAdmin).body())
                .isEqualTo(notFound);
        assertThat(api.get("/api/white-label/users/-1/tokens", acmeAdmin).status())
                .isEqualTo(404);
    }

    @Test
    void the_audit_trail_shows_the_platforms_own_events_newest_first() {
        String annsToken = running.token(ann);
        api.postJson("/api/white-label/logout", acmeAdmin, "{\"user_id\":" + ann.id() + "}");
        running.token(running.user(globex, "gus3@globex.test"));

        var json = api.get("/api/white-label/audit", acmeAdmin).json();

        var newest = json.at("/data/0");
        assertThat(newest.get("action").asText()).isEqualTo("logout_all");
        assertThat(newest.get("actor_user_id").asLong()).isEqualTo(acme.admin().id());
        assertThat(newest.get("target_user_id").asLong()).isEqualTo(ann.id());
        assertThat(newest.get("token_count").asInt()).isEqualTo(1);
        assertThat(newest.get("occurred_at").asText()).endsWith("Z");
        var created = json.at("/data/1");
        assertThat(created.get("action").asText()).isEqualTo("token_created");
        assertThat(created.get("token_id").asLong()).isEqualTo(RunningApi.idOf(annsToken));
        assertThat(json.at("/meta/total").asInt()).isEqualTo(3);
    }

    @Test
    void every_listing_is_for_white_label_admins_only() {
        String annsToken = running.token(ann);

        for (String path : new String[] {
            "/api/white-label/users", "/api/white-label/users/" + ann.id() + "/tokens", "/api/white-label/audit"
        }) {
            assertThat(api.get(path, annsToken).status()).as(path).isEqualTo(403);
            assertThat(api.get(path, null).status()).as(path).isEqualTo(401);
        }
    }
}
