package dev.whitelabel.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.whitelabel.domain.model.PlatformCreated;
import dev.whitelabel.domain.model.User;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every row of the contract's logout section, over real HTTP, on the in-memory adapter. */
class LogoutRouteTest {

    static final String LOGOUT = "/api/white-label/logout";
    static final String ME = "/api/user/me";

    @RegisterExtension
    final RunningApi running = new RunningApi();

    ApiClient api;
    PlatformCreated acme;
    PlatformCreated globex;
    User ann;
    String acmeAdmin;

    @BeforeEach
    void seed() {
        api = running.api;
        acme = running.platform("acme");
        globex = running.platform("globex");
        ann = running.user(acme, "ann@acme.test");
        acmeAdmin = RunningApi.adminToken(acme);
    }

    User user(PlatformCreated platform, String email) {
        return running.user(platform, email);
    }

    String token(User user) {
        return running.token(user);
    }

    long idOf(String token) {
        return RunningApi.idOf(token);
    }

    ApiClient.Answer logout(String json) {
        return api.postJson(LOGOUT, acmeAdmin, json);
    }

    @Test
    void logout_by_email_revokes_every_token_effective_on_the_next_request() {
        String first = token(ann);
        String second = token(ann);
        assertThat(api.get(ME, first).status()).isEqualTo(200);

        var answer = logout("{\"email\":\"ann@acme.test\"}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(answer.body()).isEqualTo("{\"message\":\"User logged out successfully.\",\"revoked_tokens\":2}\n");
        assertThat(api.get(ME, first).status()).isEqualTo(401);
        assertThat(api.get(ME, second).status()).isEqualTo(401);
    }

    @Test
    void logout_by_id_and_token_id_revokes_that_token_only() {
        String first = token(ann);
        String second = token(ann);

        var answer = logout("{\"user_id\":" + ann.id() + ",\"token_id\":" + idOf(first) + "}");

        assertThat(answer.json().get("revoked_tokens").asInt()).isEqualTo(1);
        assertThat(api.get(ME, first).status()).isEqualTo(401);
        assertThat(api.get(ME, second).status()).isEqualTo(200);
    }

    @Test
    void revoking_a_revoked_token_again_is_a_200_with_nothing_revoked() {
        String first = token(ann);
        String body = "{\"user_id\":" + ann.id() + ",\"token_id\":" + idOf(first) + "}";
        logout(body);

        var again = logout(body);

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("revoked_tokens").asInt()).isZero();
    }

    @Test
    void except_token_id_keeps_that_one_session_and_ends_every_other() {
        String support = token(ann);
        String phone = token(ann);
        String laptop = token(ann);

        var answer = logout("{\"user_id\":" + ann.id() + ",\"except_token_id\":" + idOf(support) + "}");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("revoked_tokens").asInt()).isEqualTo(2);
        assertThat(api.get(ME, support).status()).isEqualTo(200);
        assertThat(api.get(ME, phone).status()).isEqualTo(401);
        assertThat(api.get(ME, laptop).status()).isEqualTo(401);
    }

    @Test
    void except_token_id_is_validated_like_token_id() {
        String annsToken = token(ann);
        String bobsToken = token(user(acme, "bob@acme.test"));

        var foreign = logout("{\"user_id\":" + ann.id() + ",\"except_token_id\":" + idOf(bobsToken) + "}");
        var zero = logout("{\"user_id\":" + ann.id() + ",\"except_token_id\":0}");
        var text = logout("{\"user_id\":" + ann.id() + ",\"except_token_id\":\"1\"}");
        var both = logout("{\"user_id\":" + ann.id() + ",\"token_id\":" + idOf(annsToken) + ",\"except_token_id\":"
                + idOf(annsToken) + "}");

        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.json().get("error").asText()).isEqualTo("Token not found.");
        assertThat(zero.status()).isEqualTo(422);
        assertThat(zero.json().get("errors").get("except_token_id").get(0).asText())
                .isEqualTo("The except token id field must be at least 1.");
        assertThat(text.json().get("errors").get("except_token_id").get(0).asText())
                .isEqualTo("The except token id field must be an integer.");
        assertThat(both.status()).isEqualTo(422);
        assertThat(api.get(ME, annsToken).status()).as("nothing revoked").isEqualTo(200);
        assertThat(api.get(ME, bobsToken).status()).isEqualTo(200);
    }

    @Test
    void emails_match_trimmed_and_case_insensitively_and_id_and_email_must_agree() {
        token(ann);
        User bob = user(acme, "bob@acme.test");

        assertThat(logout("{\"email\":\"  ANN@Acme.TEST \"}")
                        .json()
                        .get("revoked_tokens")
                        .asInt())
                .isEqualTo(1);
        assertThat(logout("{\"user_id\":" + ann.id() + ",\"email\":\"Ann@acme.test\"}")
                        .status())
                .isEqualTo(200);
        assertThat(logout("{\"user_id\":" + bob.id() + ",\"email\":\"ann@acme.test\"}")
                        .body())
                .isEqualTo("{\"error\":\"User not found.\"}\n");
    }

    @Test
    void an_unknown_user_another_platforms_user_and_an_admin_are_the_same_404() {
        User globexUser = user(globex, "gus@globex.test");
        String globexToken = token(globexUser);
        String notFound = "{\"error\":\"User not found.\"}\n";

        assertThat(logout("{\"user_id\":999999}").body()).isEqualTo(notFound);
        assertThat(logout("{\"email\":\"nobody@acme.test\"}").body()).isEqualTo(notFound);
        assertThat(logout("{\"user_id\":" + globexUser.id() + "}").body()).isEqualTo(notFound);
        assertThat(logout("{\"email\":\"gus@globex.test\"}").body()).isEqualTo(notFound);
        assertThat(logout("{\"user_id\":" + acme.admin().id() + "}").body()).isEqualTo(notFound);
        assertThat(logout("{\"user_id\":999999}").status()).isEqualTo(404);
        assertThat(api.get(ME, globexToken).status()).isEqualTo(200);
        assertThat(api.get(ME, acmeAdmin).status()).isEqualTo(200);
    }

    @Test
    void a_token_of_another_user_is_not_found_and_nothing_is_revoked() {
        String annsToken = token(ann);
        User bob = user(acme, "bob@acme.test");
        String bobsToken = token(bob);

        var answer = logout("{\"user_id\":" + ann.id() + ",\"token_id\":" + idOf(bobsToken) + "}");

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.body()).isEqualTo("{\"error\":\"Token not found.\"}\n");
        assertThat(api.get(ME, annsToken).status()).isEqualTo(200);
        assertThat(api.get(ME, bobsToken).status()).isEqualTo(200);
    }

    @Test
    void neither_user_id_nor_email_is_exactly_the_seed_422() {
        String seed = "{\"message\":\"Either user_id or email is required.\","
                + "\"errors\":{\"user_id\":[\"Either user_id or email is required.\"]}}\n";

        assertThat(logout("{}").status()).isEqualTo(422);
        assertThat(logout("{}").body()).isEqualTo(seed);
        assertThat(logout("{\"token_id\":5}").body()).isEqualTo(seed);
        assertThat(logout("{\"user_id\":null,\"email\":\"\"}").body()).isEqualTo(seed);
        assertThat(api.post(LOGOUT, acmeAdmin, null, "").body()).isEqualTo(seed);
    }

    @Test
    void wrong_types_are_laravel_style_422s() {
        var userId = logout("{\"user_id\":\"abc\"}");
        assertThat(userId.status()).isEqualTo(422);
        assertThat(userId.body())
                .isEqualTo("{\"message\":\"The user id field must be an integer.\","
                        + "\"errors\":{\"user_id\":[\"The user id field must be an integer.\"]}}\n");

        assertThat(logout("{\"user_id\":\"42\"}").json().get("message").asText())
                .isEqualTo("The user id field must be an integer.");
        assertThat(logout("{\"user_id\":1.9}").json().get("message").asText())
                .isEqualTo("The user id field must be an integer.");
        assertThat(logout("{\"user_id\":true}").json().get("message").asText())
                .isEqualTo("The user id field must be an integer.");
        assertThat(logout("{\"user_id\":99999999999999999999999}")
                        .json()
                        .get("message")
                        .asText())
                .isEqualTo("The user id field must be an integer.");
        assertThat(logout("{\"user_id\":0}").json().get("message").asText())
                .isEqualTo("The user id field must be at least 1.");
        assertThat(logout("{\"email\":\"not-an-email\"}").json().get("message").asText())
                .isEqualTo("The email field must be a valid email address.");
        assertThat(logout("{\"email\":[\"ann@acme.test\"]}")
                        .json()
                        .get("message")
                        .asText())
                .isEqualTo("The email field must be a valid email address.");
        assertThat(logout("{\"user_id\":1,\"token_id\":\"x\"}")
                        .json()
                        .get("errors")
                        .get("token_id")
                        .get(0)
                        .asText())
                .isEqualTo("The token id field must be an integer.");
    }

    @Test
    void the_summary_counts_the_other_errors() {
        var two = logout("{\"user_id\":\"a\",\"token_id\":\"b\"}").json();
        var three = logout("{\"user_id\":\"a\",\"email\":5,\"token_id\":\"b\"}").json();

        assertThat(two.get("message").asText()).isEqualTo("The user id field must be an integer. (and 1 more error)");
        assertThat(three.get("message").asText())
                .isEqualTo("The user id field must be an integer. (and 2 more errors)");
        assertThat(three.get("errors").size()).isEqualTo(3);
    }

    @Test
    void a_form_body_works_like_json() {
        String first = token(ann);
        token(ann);
        String form = "user_id=" + ann.id() + "&token_id=" + idOf(first);

        var answer = api.post(LOGOUT, acmeAdmin, "application/x-www-form-urlencoded", form);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("revoked_tokens").asInt()).isEqualTo(1);
        assertThat(api.post(LOGOUT, acmeAdmin, "application/x-www-form-urlencoded", "email=ann%40acme.test")
                        .json()
                        .get("revoked_tokens")
                        .asInt())
                .isEqualTo(1);
        assertThat(api.post(LOGOUT, acmeAdmin, "application/x-www-form-urlencoded", "user_id=1&user_id=2")
                        .status())
                .isEqualTo(422);
    }

    @Test
    void malformed_json_is_a_400_that_does_not_echo_the_body() {
        var answer = logout("{\"email\":\"secret-password-123\",");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).isEqualTo("{\"message\":\"Malformed JSON body.\"}\n");
        assertThat(logout("{\"user_id\":1,\"user_id\":2}").status()).isEqualTo(400);
        assertThat(logout("{\"user_id\":1} trailing").status()).isEqualTo(400);
        assertThat(logout("[1,2]").status()).isEqualTo(400);
        assertThat(logout("[".repeat(10_000)).status()).isEqualTo(400);
    }

    @Test
    void a_body_over_64_kib_is_a_413() {
        String padding = "x".repeat(64 * 1024);

        var answer = logout("{\"email\":\"ann@acme.test\",\"pad\":\"" + padding + "\"}");

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.body()).doesNotContain("xxxx");
    }

    @Test
    void other_content_types_are_a_415() {
        var answer = api.post(LOGOUT, acmeAdmin, "text/plain", "email=ann@acme.test");

        assertThat(answer.status()).isEqualTo(415);
        assertThat(answer.json().get("message").asText()).startsWith("Unsupported content type");
    }

    @Test
    void no_bad_or_revoked_token_is_a_401_with_a_bearer_challenge() {
        var none = api.postJson(LOGOUT, null, "{\"email\":\"ann@acme.test\"}");
        var bad = api.postJson(LOGOUT, "1|" + "x".repeat(40), "{\"email\":\"ann@acme.test\"}");
        var basic = api.send(api.request(LOGOUT, null)
                .header("Authorization", "Basic YTpi")
                .POST(HttpRequest.BodyPublishers.noBody()));

        for (var answer : new ApiClient.Answer[] {none, bad, basic}) {
            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.body()).isEqualTo("{\"message\":\"Unauthenticated.\"}\n");
            assertThat(answer.header("WWW-Authenticate"))
                    .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        }
        assertThat(bad.header("WWW-Authenticate").orElseThrow()).contains("error=\"invalid_token\"");
    }

    @Test
    void the_scheme_is_case_insensitive() {
        String annsToken = token(ann);

        var answer = api.send(api.request(ME, null)
                .header("Authorization", "bEaReR " + annsToken)
                .GET());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("email").asText()).isEqualTo("ann@acme.test");
    }

    @Test
    void a_platform_user_is_a_403() {
        String annsToken = token(ann);

        var answer = api.postJson(LOGOUT, annsToken, "{\"email\":\"ann@acme.test\"}");

        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.body()).isEqualTo("{\"error\":\"You are not a white label admin.\"}\n");
        assertThat(api.get(ME, annsToken).status()).isEqualTo(200);
    }

    @Test
    void unknown_routes_and_methods_are_json_404_and_405() {
        var unknown = api.get("/api/nothing-here", acmeAdmin);
        var wrongMethod = api.get(LOGOUT, acmeAdmin);

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("message").asText()).isEqualTo("Not found.");
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.json().get("message").asText()).isEqualTo("Method not allowed.");
    }

    @Test
    void me_names_the_token_holder() {
        String token = token(ann);
        var answer = api.get(ME, token);

        assertThat(answer.body())
                .isEqualTo("{\"id\":" + ann.id() + ",\"name\":\"Ann\",\"email\":\"ann@acme.test\",\"token\":{\"id\":"
                        + RunningApi.idOf(token) + ",\"abilities\":[\"*\"]}}\n");
    }
}
