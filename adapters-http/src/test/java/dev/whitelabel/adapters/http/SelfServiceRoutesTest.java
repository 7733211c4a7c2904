package dev.whitelabel.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.whitelabel.domain.model.PlatformCreated;
import dev.whitelabel.domain.model.User;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** POST /api/user/logout and /api/user/api-keys over real HTTP. */
class SelfServiceRoutesTest {

    static final String KEYS = "/api/user/api-keys";

    @RegisterExtension
    final RunningApi running = new RunningApi();

    ApiClient api;
    PlatformCreated acme;
    User ann;

    @BeforeEach
    void seed() {
        api = running.api;
        acme = running.platform("acme");
        ann = running.user(acme, "ann@acme.test");
    }

    @Test
    void a_user_logs_out_the_token_they_call_with() {
        String phone = running.token(ann);
        String laptop = running.token(ann);

        var answer = api.post("/api/user/logout", phone, null, "");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("{\"message\":\"Logged out successfully.\",\"revoked_tokens\":1}\n");
        assertThat(running.me(phone)).isEqualTo(401);
        assertThat(running.me(laptop)).isEqualTo(200);
    }

    @Test
    void a_user_logs_out_every_token_of_theirs() {
        String phone = running.token(ann);
        String laptop = running.token(ann);

        var answer = api.postJson("/api/user/logout", phone, "{\"all\":true}");

        assertThat(answer.json().get("revoked_tokens").asInt()).isEqualTo(2);
        assertThat(running.me(phone)).isEqualTo(401);
        assertThat(running.me(laptop)).isEqualTo(401);
        assertThat(api.postJson("/api/user/logout", laptop, "{\"all\":true}").status())
                .isEqualTo(401);
    }

    @Test
    void scope_others_ends_every_token_but_the_one_calling_and_current_and_all_complete_the_set() {
        String phone = running.token(ann);
        String laptop = running.token(ann);
        String tablet = running.token(ann);

        var others = api.postJson("/api/user/logout", phone, "{\"scope\":\"others\"}");

        assertThat(others.body()).isEqualTo("{\"message\":\"Logged out successfully.\",\"revoked_tokens\":2}\n");
        assertThat(running.me(phone)).isEqualTo(200);
        assertThat(running.me(laptop)).isEqualTo(401);
        assertThat(running.me(tablet)).isEqualTo(401);

        String desktop = running.token(ann);
        assertThat(api.postJson("/api/user/logout", phone, "{\"scope\":\"current\"}")
                        .json()
                        .get("revoked_tokens")
                        .asInt())
                .isEqualTo(1);
        assertThat(running.me(phone)).isEqualTo(401);
        assertThat(running.me(desktop)).isEqualTo(200);
        String watch = running.token(ann);
        assertThat(api.postJson("/api/user/logout", watch, "{\"scope\":\"all\",\"all\":true}")
                        .json()
                        .get("revoked_tokens")
                        .asInt())
                .isEqualTo(2);
        assertThat(running.me(desktop)).isEqualTo(401);
    }

    @Test
    void scope_must_be_one_of_three_and_agree_with_all() {
        String phone = running.token(ann);

        var unknown = api.postJson("/api/user/logout", phone, "{\"scope\":\"everywhere\"}");
        var conflicting = api.postJson("/api/user/logout", phone, "{\"scope\":\"others\",\"all\":true}");
        var number = api.postJson("/api/user/logout", phone, "{\"scope\":1}");

        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().get("message").asText()).isEqualTo("The selected scope is invalid.");
        assertThat(conflicting.status()).isEqualTo(422);
        assertThat(conflicting.json().get("message").asText())
                .isEqualTo("The scope field must be all when all is true.");
        assertThat(number.json().get("message").asText()).isEqualTo("The scope field must be a string.");
        assertThat(running.me(phone)).isEqualTo(200);
        assertThat(api.post("/api/user/logout", phone, "application/x-www-form-urlencoded", "scope=others")
                        .json()
                        .get("revoked_tokens")
                        .asInt())
                .isZero();
    }

    @Test
    void all_must_be_a_boolean() {
        String phone = running.token(ann);

        var answer = api.postJson("/api/user/logout", phone, "{\"all\":\"yes\"}");

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json().get("message").asText()).isEqualTo("The all field must be true or false.");
        assertThat(running.me(phone)).isEqualTo(200);
        assertThat(api.post("/api/user/logout", phone, "application/x-www-form-urlencoded", "all=1")
                        .json()
                        .get("revoked_tokens")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void a_user_creates_lists_and_deletes_their_api_keys() {
        String session = running.token(ann);

        var created = api.postJson(KEYS, session, "{\"name\":\"deploy bot\"}");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("message").asText()).isEqualTo("API key created successfully.");
        var key = created.json().get("api_key");
        assertThat(key.get("name").asText()).isEqualTo("deploy bot");
        assertThat(key.get("created_at").asText()).endsWith("Z");
        String keyToken = key.get("token").asText();
        assertThat(running.me(keyToken)).isEqualTo(200);

        var listed = api.get(KEYS, session);
        assertThat(listed.json().get("api_keys")).hasSize(2);
        assertThat(listed.json().at("/api_keys/0/name").asText()).isEqualTo("deploy bot");
        assertThat(listed.json().at("/api_keys/1/id").asLong())
                .as("every live token is an API key, the one this request is made with too (docs/api.md)")
                .isEqualTo(RunningApi.idOf(session));
        assertThat(listed.json().at("/api_keys/0").has("token")).isFalse();
        assertThat(listed.body()).doesNotContain(keyToken.substring(keyToken.indexOf('|') + 1));

        var deleted = api.delete(KEYS + "/" + key.get("id").asLong(), session);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.body()).isEqualTo("{\"message\":\"API key deleted successfully.\"}\n");
        assertThat(running.me(keyToken)).isEqualTo(401);
        assertThat(api.get(KEYS, session).json().get("api_keys")).hasSize(1);
    }

    @Test
    void deleting_another_users_key_is_a_404_and_leaves_it_working() {
        String bobs = running.token(running.user(acme, "bob@acme.test"));
        String anns = running.token(ann);
        String notFound = "{\"message\":\"API key not found.\"}\n";

        assertThat(api.delete(KEYS + "/" + RunningApi.idOf(bobs), anns).body()).isEqualTo(notFound);
        assertThat(api.delete(KEYS + "/" + RunningApi.idOf(bobs), anns).status())
                .isEqualTo(404);
        assertThat(api.delete(KEYS + "/abc", anns).body()).isEqualTo(notFound);
        assertThat(api.delete(KEYS + "/999999", anns).body()).isEqualTo(notFound);
        assertThat(running.me(bobs)).isEqualTo(200);
    }

    @Test
    void a_key_needs_a_name() {
        String session = running.token(ann);

        assertThat(api.postJson(KEYS, session, "{}").json().get("message").asText())
                .isEqualTo("The name field is required.");
        assertThat(api.postJson(KEYS, session, "{\"name\":\"" + "k".repeat(256) + "\"}")
                        .status())
                .isEqualTo(422);
        assertThat(api.get(KEYS, session).json().get("api_keys")).hasSize(1);
    }

    @Test
    void self_service_needs_a_valid_token() {
        assertThat(api.get(KEYS, null).status()).isEqualTo(401);
        assertThat(api.send(api.request("/api/user/logout", "1|" + "x".repeat(40))
                                .POST(HttpRequest.BodyPublishers.noBody()))
                        .status())
                .isEqualTo(401);
    }
}
