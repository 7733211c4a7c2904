package dev.whitelabel.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.whitelabel.domain.model.PlatformCreated;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Sessions people recognise and revocation that follows the account, over real HTTP: devices,
 * the caller's own sessions, password changes, disable/enable, delete, the session cap and login
 * throttling. In memory here; the H2 and PostgreSQL runs override {@link #store()}.
 */
class AccountLifecycleRoutesTest {

    @RegisterExtension
    final RunningApi running = new RunningApi(RunningApi.SETTINGS, store());

    RunningApi.Store store() {
        return RunningApi.Store.MEMORY;
    }

    PlatformCreated acme;
    PlatformCreated globex;
    String admin;
    long annId;
    String registered;

    @BeforeEach
    void seed() {
        acme = running.platform("acme");
        globex = running.platform("globex");
        admin = RunningApi.adminToken(acme);
        var answer = running.api.postJson(
                "/api/white-label/register",
                admin,
                "{\"name\":\"Ann\",\"email\":\"ann@acme.test\",\"password\":\"correct horse\",\"device_name\":\"Ann's laptop\"}");
        assertThat(answer.status()).isEqualTo(201);
        annId = answer.json().get("user").get("id").asLong();
        registered = answer.json().get("token").asText();
    }

    ApiClient.Answer login(String password, String userAgent) {
        var request = running.api
                .request("/api/white-label/login", admin)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"ann@acme.test\",\"password\":\"" + password
                        + "\",\"device_name\":\"Ann's phone\"}"));
        if (userAgent != null) {
            request.header("User-Agent", userAgent);
        }
        return running.api.send(request);
    }

    String loginToken() {
        var answer = login("correct horse", null);
        assertThat(answer.status()).isEqualTo(200);
        return answer.json().get("token").asText();
    }

    boolean works(String token) {
        return running.api.get("/api/user/me", token).status() == 200;
    }

    List<JsonNode> adminListing() {
        var items = new ArrayList<JsonNode>();
        running.api
                .get("/api/white-label/users/" + annId + "/tokens", admin)
                .json()
                .get("data")
                .forEach(items::add);
        return items;
    }

    ApiClient.Answer post(String path, String token) {
        return running.api.post(path, token, null, "");
    }

    ApiClient.Answer patch(String path, String token, String json) {
        return running.api.patchJson(path, token, json);
    }

    @Test
    void a_token_shows_the_device_it_was_issued_to_and_where_it_was_last_used() {
        var answer = login("correct horse", "Mozilla/5.0 (iPhone;\t CPU iPhone OS 17_0) Safari");
        String phone = answer.json().get("token").asText();
        assertThat(works(phone)).isTrue();

        var listed = adminListing().get(0);

        assertThat(listed.get("device_name").asText()).isEqualTo("Ann's phone");
        assertThat(listed.get("user_agent").asText()).isEqualTo("Mozilla/5.0 (iPhone; CPU iPhone OS 17_0) Safari");
        assertThat(listed.get("ip_address").asText()).isEqualTo("127.0.0.1");
        assertThat(listed.get("last_used_ip").asText()).isEqualTo("127.0.0.1");
        assertThat(listed.get("last_used_at").isNull()).isFalse();
        assertThat(adminListing().get(1).get("device_name").asText()).isEqualTo("Ann's laptop");
    }

    /**
     * Jetty reads header bytes as ISO-8859-1: a UTF-8 user agent was stored as mojibake ("Straße" as
     * "StraÃ\u009fe", U+202E as "â®"), which the cleaning could not recognise. Bytes that are not UTF-8
     * are still read as Latin-1.
     */
    @Test
    void a_user_agent_in_utf8_is_read_as_utf8_and_cleaned_like_any_other() throws IOException {
        record Agent(String sent, Charset encoding, String listed) {}
        for (var agent : List.of(
                new Agent("Pixel 8 \u2013 Straße", StandardCharsets.UTF_8, "Pixel 8 \u2013 Straße"),
                new Agent("Evil \u202Egnp.exe", StandardCharsets.UTF_8, "Evil gnp.exe"),
                new Agent("Caf\u00e9 1.0", StandardCharsets.ISO_8859_1, "Caf\u00e9 1.0"))) {
            String body = "{\"email\":\"ann@acme.test\",\"password\":\"correct horse\"}";
            var head = ("POST /api/white-label/login HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                            + "Authorization: Bearer " + admin + "\r\nContent-Type: application/json\r\n"
                            + "Content-Length: " + body.length() + "\r\nUser-Agent: ")
                    .getBytes(StandardCharsets.US_ASCII);
            var request = new ByteArrayOutputStream();
            request.write(head);
            request.write(agent.sent().getBytes(agent.encoding()));
            request.write(("\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII));

            String answer = RawHttp.exchange(running.server.port(), request.toByteArray());

            assertThat(answer).as(agent.sent()).startsWith("HTTP/1.1 200");
            assertThat(adminListing().get(0).get("user_agent").asText()).isEqualTo(agent.listed());
        }
    }

    @Test
    void a_forwarded_address_is_not_believed_from_an_untrusted_peer() {
        var request = running.api
                .request("/api/white-label/login", admin)
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", "203.0.113.50")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"email\":\"ann@acme.test\",\"password\":\"correct horse\"}"));

        assertThat(running.api.send(request).status()).isEqualTo(200);

        assertThat(adminListing().get(0).get("ip_address").asText()).isEqualTo("127.0.0.1");
        assertThat(adminListing().get(0).get("device_name").isNull()).isTrue();
    }

    @Test
    void a_user_lists_every_own_token_with_the_current_one_marked() {
        String phone = loginToken();
        running.api.postJson("/api/user/api-keys", registered, "{\"name\":\"ci\",\"device_name\":\"build server\"}");

        var page = running.api.get("/api/user/tokens", phone);

        assertThat(page.status()).isEqualTo(200);
        var data = page.json().get("data");
        assertThat(data).hasSize(3);
        assertThat(data.get(0).get("device_name").asText()).isEqualTo("build server");
        assertThat(data.get(0).get("current").asBoolean()).isFalse();
        assertThat(data.get(1).get("id").asLong()).isEqualTo(RunningApi.idOf(phone));
        assertThat(data.get(1).get("current").asBoolean()).isTrue();
        assertThat(data.get(2).get("current").asBoolean()).isFalse();
        assertThat(page.json().get("meta").get("total").asInt()).isEqualTo(3);
    }

    @Test
    void a_user_changes_their_password_and_only_the_calling_session_stays() {
        String phone = loginToken();

        var wrong = running.api.postJson(
                "/api/user/password", phone, "{\"current_password\":\"wrong horse\",\"password\":\"battery staple\"}");
        var tooShort = running.api.postJson(
                "/api/user/password", phone, "{\"current_password\":\"correct horse\",\"password\":\"short\"}");
        var changed = running.api.postJson(
                "/api/user/password",
                phone,
                "{\"current_password\":\"correct horse\",\"password\":\"battery staple\"}");

        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.json().get("errors").get("current_password").get(0).asText())
                .isEqualTo("The password is incorrect.");
        assertThat(tooShort.status()).isEqualTo(422);
        assertThat(tooShort.json().get("errors").has("password")).isTrue();
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("message").asText()).isEqualTo("Password changed successfully.");
        assertThat(changed.json().get("revoked_tokens").asInt()).isEqualTo(1);
        assertThat(works(phone)).isTrue();
        assertThat(works(registered)).isFalse();
        assertThat(login("correct horse", null).status()).isEqualTo(401);
        assertThat(login("battery staple", null).status()).isEqualTo(200);
    }

    @Test
    void an_admin_sets_a_password_and_every_session_ends() {
        String phone = loginToken();

        var answer = running.api.postJson(
                "/api/white-label/users/" + annId + "/password", admin, "{\"password\":\"battery staple\"}");
        var elsewhere = running.api.postJson(
                "/api/white-label/users/" + annId + "/password",
                RunningApi.adminToken(globex),
                "{\"password\":\"battery staple\"}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("revoked_tokens").asInt()).isEqualTo(2);
        assertThat(works(phone)).isFalse();
        assertThat(works(registered)).isFalse();
        assertThat(elsewhere.status()).isEqualTo(404);
        assertThat(elsewhere.json().get("error").asText()).isEqualTo("User not found.");
        assertThat(login("battery staple", null).status()).isEqualTo(200);
    }

    @Test
    void a_disabled_user_is_refused_at_once_everywhere_until_enabled() {
        String phone = loginToken();

        var disabled = post("/api/white-label/users/" + annId + "/disable", admin);

        assertThat(disabled.status()).isEqualTo(200);
        assertThat(disabled.json().get("message").asText()).isEqualTo("User disabled successfully.");
        assertThat(disabled.json().get("revoked_tokens").asInt()).isEqualTo(2);
        assertThat(works(phone)).isFalse();
        var refusedLogin = login("correct horse", null);
        assertThat(refusedLogin.status()).isEqualTo(401);
        assertThat(refusedLogin.body()).isEqualTo(login("wrong horse", null).body());
        var refusedToken = running.api.postJson("/api/white-label/token", admin, "{\"user_id\":" + annId + "}");
        assertThat(refusedToken.status()).isEqualTo(422);
        assertThat(refusedToken.json().get("errors").get("user").get(0).asText())
                .isEqualTo("The user is disabled.");
        var listed = running.api
                .get("/api/white-label/users", admin)
                .json()
                .get("data")
                .get(0);
        assertThat(listed.get("disabled_at").isNull()).isFalse();

        var enabled = post("/api/white-label/users/" + annId + "/enable", admin);

        assertThat(enabled.status()).isEqualTo(200);
        assertThat(enabled.json().get("message").asText()).isEqualTo("User enabled successfully.");
        assertThat(works(phone)).isFalse();
        assertThat(works(loginToken())).isTrue();
        assertThat(running.api
                        .get("/api/white-label/users", admin)
                        .json()
                        .get("data")
                        .get(0)
                        .get("disabled_at")
                        .isNull())
                .isTrue();
    }

    @Test
    void a_deleted_user_is_gone_but_for_the_ids_in_the_trail_and_the_email_is_free() {
        String phone = loginToken();

        var deleted = running.api.delete("/api/white-label/users/" + annId, admin);

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.json().get("message").asText()).isEqualTo("User deleted successfully.");
        assertThat(deleted.json().get("revoked_tokens").asInt()).isEqualTo(2);
        assertThat(works(phone)).isFalse();
        assertThat(running.api
                        .get("/api/white-label/users/" + annId + "/tokens", admin)
                        .status())
                .isEqualTo(404);
        assertThat(running.api.get("/api/white-label/users", admin).json().get("data"))
                .isEmpty();
        assertThat(running.api.delete("/api/white-label/users/" + annId, admin).status())
                .isEqualTo(404);
        var audit = running.api.get("/api/white-label/audit", admin);
        assertThat(audit.json().get("data").get(0).get("action").asText()).isEqualTo("user_deleted");
        assertThat(audit.json().get("data").get(0).get("target_user_id").asLong())
                .isEqualTo(annId);
        assertThat(audit.body()).doesNotContain("ann@acme.test", "Ann's");
        var again = running.api.postJson(
                "/api/white-label/register",
                admin,
                "{\"name\":\"Ann\",\"email\":\"ann@acme.test\",\"password\":\"correct horse\"}");
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().get("user").get("id").asLong()).isNotEqualTo(annId);
    }

    @Test
    void account_routes_reach_no_user_of_another_platform_and_no_admin() {
        String gusAdmin = RunningApi.adminToken(globex);
        long acmeAdminId = acme.admin().id();

        for (String path : List.of("/disable", "/enable")) {
            assertThat(post("/api/white-label/users/" + annId + path, gusAdmin).status())
                    .isEqualTo(404);
            assertThat(post("/api/white-label/users/" + acmeAdminId + path, admin)
                            .status())
                    .isEqualTo(404);
            assertThat(post("/api/white-label/users/abc" + path, admin).status())
                    .isEqualTo(404);
        }
        assertThat(running.api
                        .delete("/api/white-label/users/" + annId, gusAdmin)
                        .status())
                .isEqualTo(404);
        assertThat(post("/api/white-label/users/" + annId + "/disable", registered)
                        .status())
                .isEqualTo(403);
        assertThat(post("/api/white-label/users/" + annId + "/disable", null).status())
                .isEqualTo(401);
        assertThat(works(registered)).isTrue();
    }

    @Test
    void the_session_cap_is_set_read_and_applied() {
        var initial = running.api.get("/api/white-label/settings", admin);
        assertThat(initial.json().get("settings").get("max_tokens_per_user").isNull())
                .isTrue();
        assertThat(initial.json().get("settings").get("session_cap_policy").asText())
                .isEqualTo("evict_oldest");

        var capped = patch("/api/white-label/settings", admin, "{\"max_tokens_per_user\":2}");
        assertThat(capped.status()).isEqualTo(200);
        assertThat(capped.json().get("message").asText()).isEqualTo("Settings updated successfully.");
        assertThat(capped.json().get("settings").get("max_tokens_per_user").asInt())
                .isEqualTo(2);
        String second = loginToken();
        String third = loginToken();

        assertThat(works(registered)).isFalse();
        assertThat(works(second)).isTrue();
        assertThat(works(third)).isTrue();
        assertThat(running.api
                        .get("/api/white-label/audit", admin)
                        .json()
                        .get("data")
                        .get(1)
                        .get("action")
                        .asText())
                .isEqualTo("token_evicted");

        var rejecting = patch("/api/white-label/settings", admin, "{\"session_cap_policy\":\"reject\"}");
        assertThat(rejecting.json().get("settings").get("max_tokens_per_user").asInt())
                .isEqualTo(2);
        var refused = login("correct horse", null);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("errors").get("user").get(0).asText())
                .isEqualTo("The user already holds as many tokens as this platform allows (2).");

        var lifted = patch("/api/white-label/settings", admin, "{\"max_tokens_per_user\":null}");
        assertThat(lifted.json().get("settings").get("max_tokens_per_user").isNull())
                .isTrue();
        assertThat(login("correct horse", null).status()).isEqualTo(200);
        assertThat(running.api
                        .get("/api/white-label/settings", RunningApi.adminToken(globex))
                        .json()
                        .get("settings")
                        .get("session_cap_policy")
                        .asText())
                .isEqualTo("evict_oldest");
    }

    @Test
    void bad_settings_are_refused_field_by_field() {
        var answer = patch(
                "/api/white-label/settings", admin, "{\"max_tokens_per_user\":0,\"session_cap_policy\":\"lifo\"}");
        var notANumber = patch("/api/white-label/settings", admin, "{\"max_tokens_per_user\":\"3\"}");
        var huge = patch("/api/white-label/settings", admin, "{\"max_tokens_per_user\":99999999999}");

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json().get("errors").has("session_cap_policy")).isTrue();
        assertThat(answer.json().get("errors").has("max_tokens_per_user")).isTrue();
        assertThat(notANumber.status()).isEqualTo(422);
        assertThat(notANumber
                        .json()
                        .get("errors")
                        .get("max_tokens_per_user")
                        .get(0)
                        .asText())
                .isEqualTo("The max tokens per user field must be an integer.");
        assertThat(huge.status()).isEqualTo(422);
        assertThat(patch("/api/white-label/settings", admin, "{\"max_tokens_per_user\":0}")
                        .json()
                        .get("errors")
                        .get("max_tokens_per_user")
                        .get(0)
                        .asText())
                .isEqualTo("The max tokens per user field must be between 1 and 1000.");
        assertThat(patch("/api/white-label/settings", registered, "{}").status())
                .isEqualTo(403);
        assertThat(running.api
                        .get("/api/white-label/settings", admin)
                        .json()
                        .get("settings")
                        .get("max_tokens_per_user")
                        .isNull())
                .isTrue();
    }

    @Test
    void too_many_failed_logins_are_answered_429_with_retry_after_known_email_or_not() {
        for (String email : List.of("ann@acme.test", "nobody@acme.test")) {
            for (int i = 0; i < 5; i++) {
                var failed = running.api.postJson(
                        "/api/white-label/login", admin, "{\"email\":\"" + email + "\",\"password\":\"wrong horse\"}");
                assertThat(failed.status()).isEqualTo(401);
            }
            var throttled = running.api.postJson(
                    "/api/white-label/login", admin, "{\"email\":\"" + email + "\",\"password\":\"correct horse\"}");

            assertThat(throttled.status()).isEqualTo(429);
            long seconds = Long.parseLong(throttled.header("Retry-After").orElseThrow());
            assertThat(seconds).isBetween(890L, 900L);
            assertThat(throttled.json().get("message").asText())
                    .isEqualTo("Too many login attempts. Please try again in " + seconds + " seconds.");
        }
    }
}
