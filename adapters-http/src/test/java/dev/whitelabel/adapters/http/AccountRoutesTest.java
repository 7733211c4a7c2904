package dev.whitelabel.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.whitelabel.domain.model.PlatformCreated;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** POST /api/white-label/register, /login and /token over real HTTP. */
class AccountRoutesTest {

    static final String REGISTER = "/api/white-label/register";
    static final String LOGIN = "/api/white-label/login";
    static final String TOKEN = "/api/white-label/token";
    static final String ANN = "{\"name\":\"Ann\",\"email\":\"ann@acme.test\",\"password\":\"correct horse\"}";

    @RegisterExtension
    final RunningApi running = new RunningApi();

    ApiClient api;
    PlatformCreated acme;
    PlatformCreated globex;
    String acmeAdmin;

    @BeforeEach
    void seed() {
        api = running.api;
        acme = running.platform("acme");
        globex = running.platform("globex");
        acmeAdmin = RunningApi.adminToken(acme);
    }

    int platformUsers(String adminToken) {
        return api.get("/api/white-label/users", adminToken)
                .json()
                .at("/meta/total")
                .asInt();
    }

    @Test
    void registration_answers_201_with_the_user_and_a_working_token() {
        var answer = api.postJson(REGISTER, acmeAdmin, ANN);

        assertThat(answer.status()).isEqualTo(201);
        var json = answer.json();
        assertThat(json.get("message").asText()).isEqualTo("Registration successful.");
        assertThat(json.at("/user/email").asText()).isEqualTo("ann@acme.test");
        assertThat(json.at("/user/name").asText()).isEqualTo("Ann");
        assertThat(json.get("user").has("password")).isFalse();
        assertThat(running.me(json.get("token").asText())).isEqualTo(200);
        assertThat(answer.body()).doesNotContain("correct horse");
    }

    @Test
    void an_email_is_unique_per_platform_trimmed_and_case_insensitively() {
        api.postJson(REGISTER, acmeAdmin, ANN);

        var duplicate = api.postJson(
                REGISTER, acmeAdmin, "{\"name\":\"Ann\",\"email\":\" ANN@acme.test\",\"password\":\"correct horse\"}");
        var elsewhere = api.postJson(REGISTER, RunningApi.adminToken(globex), ANN);

        assertThat(duplicate.status()).isEqualTo(422);
        assertThat(duplicate.body())
                .isEqualTo("{\"message\":\"The email has already been taken.\","
                        + "\"errors\":{\"email\":[\"The email has already been taken.\"]}}\n");
        assertThat(elsewhere.status()).isEqualTo(201);
        assertThat(platformUsers(acmeAdmin)).isEqualTo(1);
    }

    @Test
    void registration_validates_every_field_and_stores_nothing_when_one_is_wrong() {
        var missing = api.postJson(REGISTER, acmeAdmin, "{}").json();
        var wrongTypes = api.postJson(REGISTER, acmeAdmin, "{\"name\":5,\"email\":true,\"password\":[1]}")
                .json();
        var tooLong = api.postJson(
                        REGISTER,
                        acmeAdmin,
                        "{\"name\":\"" + "n".repeat(256) + "\",\"email\":\"" + "e".repeat(250)
                                + "@x.io\",\"password\":\"short\",\"timezone\":\"Mars/Base\"}")
                .json();
        var control = api.postJson(
                        REGISTER,
                        acmeAdmin,
                        "{\"name\":\"A\\u0007nn\",\"email\":\"ann@acme.test\",\"password\":\"correct horse\"}")
                .json();

        assertThat(missing.get("message").asText()).isEqualTo("The name field is required. (and 2 more errors)");
        assertThat(missing.get("errors").get("password").get(0).asText()).isEqualTo("The password field is required.");
        assertThat(wrongTypes.get("errors").get("name").get(0).asText()).isEqualTo("The name field must be a string.");
        assertThat(wrongTypes.get("errors").size()).isEqualTo(3);
        assertThat(tooLong.get("errors").get("name").get(0).asText())
                .isEqualTo("The name field must not be greater than 255 characters.");
        assertThat(tooLong.get("errors").get("email").get(0).asText())
                .isEqualTo("The email field must not be greater than 254 characters.");
        assertThat(tooLong.get("errors").get("password").get(0).asText())
                .isEqualTo("The password field must be at least 8 characters.");
        assertThat(tooLong.get("errors").get("timezone").get(0).asText())
                .isEqualTo("The timezone field must be a valid timezone.");
        assertThat(control.get("errors").get("name").get(0).asText())
                .isEqualTo("The name field must not contain control characters.");
        assertThat(platformUsers(acmeAdmin)).isZero();
    }

    @Test
    void login_with_the_right_password_answers_a_named_token() {
        api.postJson(REGISTER, acmeAdmin, ANN);

        var named = api.postJson(
                LOGIN,
                acmeAdmin,
                "{\"email\":\"Ann@Acme.test\",\"password\":\"correct horse\",\"token_name\":\"laptop\"}");
        var unnamed = api.postJson(LOGIN, acmeAdmin, "{\"email\":\"ann@acme.test\",\"password\":\"correct horse\"}");

        assertThat(named.status()).isEqualTo(200);
        assertThat(named.json().get("message").asText()).isEqualTo("Login successful.");
        assertThat(named.json().get("token_name").asText()).isEqualTo("laptop");
        assertThat(named.json().at("/user/email").asText()).isEqualTo("ann@acme.test");
        assertThat(unnamed.json().get("token_name").asText()).isEqualTo("api-token");
        assertThat(running.me(named.json().get("token").asText())).isEqualTo(200);
    }

    @Test
    void a_wrong_password_and_an_unknown_email_are_the_same_401() {
        api.postJson(REGISTER, acmeAdmin, ANN);

        var wrong = api.postJson(LOGIN, acmeAdmin, "{\"email\":\"ann@acme.test\",\"password\":\"wrong horse\"}");
        var unknown = api.postJson(LOGIN, acmeAdmin, "{\"email\":\"bob@acme.test\",\"password\":\"correct horse\"}");
        var otherPlatform = api.postJson(
                LOGIN, RunningApi.adminToken(globex), "{\"email\":\"ann@acme.test\",\"password\":\"correct horse\"}");

        for (var answer : new ApiClient.Answer[] {wrong, unknown, otherPlatform}) {
            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.body()).isEqualTo("{\"error\":\"Invalid credentials.\"}\n");
        }
        assertThat(api.postJson(LOGIN, acmeAdmin, "{\"email\":\"ann@acme.test\"}")
                        .status())
                .isEqualTo(422);
    }

    @Test
    void a_password_longer_than_bcrypt_reads_never_logs_in_even_when_its_first_72_bytes_match() {
        String password = "p".repeat(72);
        var registered = api.postJson(
                REGISTER,
                acmeAdmin,
                "{\"name\":\"Ann\",\"email\":\"ann@acme.test\",\"password\":\"" + password + "\"}");
        assertThat(registered.status()).isEqualTo(201);

        for (String longer : new String[] {password + "x", password + "anything at all", password + "\u00e9"}) {
            var answer =
                    api.postJson(LOGIN, acmeAdmin, "{\"email\":\"ann@acme.test\",\"password\":\"" + longer + "\"}");
            assertThat(answer.status()).as(longer).isEqualTo(401);
            assertThat(answer.body()).isEqualTo("{\"error\":\"Invalid credentials.\"}\n");
        }
        var exact = api.postJson(LOGIN, acmeAdmin, "{\"email\":\"ann@acme.test\",\"password\":\"" + password + "\"}");
        assertThat(exact.status()).isEqualTo(200);
    }

    @Test
    void after_a_logout_all_a_login_gives_a_working_token() {
        String first =
                api.postJson(REGISTER, acmeAdmin, ANN).json().get("token").asText();
        api.postJson("/api/white-label/logout", acmeAdmin, "{\"email\":\"ann@acme.test\"}");
        assertThat(running.me(first)).isEqualTo(401);

        var again = api.postJson(LOGIN, acmeAdmin, "{\"email\":\"ann@acme.test\",\"password\":\"correct horse\"}");

        assertThat(running.me(again.json().get("token").asText())).isEqualTo(200);
    }

    @Test
    void an_admin_creates_a_token_by_id_or_email_with_an_optional_lifetime() {
        var ann = running.user(acme, "ann@acme.test");

        var byEmail = api.postJson(
                TOKEN, acmeAdmin, "{\"email\":\"ann@acme.test\",\"token_name\":\"ci\",\"expires_in\":3600}");
        var byId = api.postJson(TOKEN, acmeAdmin, "{\"user_id\":" + ann.id() + "}");

        assertThat(byEmail.status()).isEqualTo(200);
        assertThat(byEmail.json().get("message").asText()).isEqualTo("Token created successfully.");
        assertThat(byEmail.json().get("token_name").asText()).isEqualTo("ci");
        assertThat(byEmail.json().at("/user/id").asLong()).isEqualTo(ann.id());
        assertThat(byId.json().get("token_name").asText()).isEqualTo("api-token");
        assertThat(running.me(byEmail.json().get("token").asText())).isEqualTo(200);
        var listed = api.get("/api/white-label/users/" + ann.id() + "/tokens", acmeAdmin)
                .json()
                .get("data");
        assertThat(listed.get(1).get("expires_at").isNull()).isFalse();
        assertThat(listed.get(0).get("expires_at").isNull()).isTrue();
    }

    @Test
    void token_creation_is_validated_and_confined_to_the_platform() {
        var gus = running.user(globex, "gus@globex.test");

        assertThat(api.postJson(TOKEN, acmeAdmin, "{\"user_id\":" + gus.id() + "}")
                        .body())
                .isEqualTo("{\"error\":\"User not found.\"}\n");
        assertThat(api.postJson(TOKEN, acmeAdmin, "{}").json().get("message").asText())
                .isEqualTo("Either user_id or email is required.");
        assertThat(api.postJson(TOKEN, acmeAdmin, "{\"user_id\":1,\"expires_in\":\"soon\"}")
                        .json()
                        .get("message")
                        .asText())
                .isEqualTo("The expires in field must be an integer.");
        assertThat(api.postJson(TOKEN, acmeAdmin, "{\"user_id\":1,\"expires_in\":0}")
                        .json()
                        .get("message")
                        .asText())
                .isEqualTo("The expires in field must be at least 1.");
        assertThat(api.postJson(TOKEN, acmeAdmin, "{\"user_id\":1,\"token_name\":\"" + "t".repeat(256) + "\"}")
                        .json()
                        .get("message")
                        .asText())
                .isEqualTo("The token name field must not be greater than 255 characters.");
    }

    @Test
    void every_account_route_is_for_white_label_admins_only() {
        String annsToken = running.token(running.user(acme, "ann@acme.test"));

        for (String path : new String[] {REGISTER, LOGIN, TOKEN}) {
            var answer = api.postJson(path, annsToken, ANN);
            assertThat(answer.status()).as(path).isEqualTo(403);
            assertThat(answer.body()).isEqualTo("{\"error\":\"You are not a white label admin.\"}\n");
            assertThat(api.postJson(path, null, ANN).status()).as(path).isEqualTo(401);
        }
    }
}
