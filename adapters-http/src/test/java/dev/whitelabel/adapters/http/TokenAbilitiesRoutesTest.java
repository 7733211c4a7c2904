package dev.whitelabel.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.whitelabel.domain.model.Abilities;
import dev.whitelabel.domain.model.Actor;
import dev.whitelabel.domain.model.NewToken;
import dev.whitelabel.domain.model.Password;
import dev.whitelabel.domain.model.PlatformCreated;
import dev.whitelabel.domain.model.User;
import dev.whitelabel.domain.port.in.SetPasswordCommand;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Abilities through every door of the HTTP API: asked for, refused, shown, and never widened. */
class TokenAbilitiesRoutesTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String NOT_A_LIST = "The abilities field must be a list of strings.";
    static final String NOT_AN_ABILITY =
            "The abilities field must hold names of 1 to 100 printable ASCII characters without spaces.";

    @RegisterExtension
    final RunningApi running = new RunningApi();

    PlatformCreated acme;
    String admin;
    User ann;

    @BeforeEach
    void seed() {
        acme = running.platform("acme");
        admin = RunningApi.adminToken(acme);
        ann = running.user(acme, "ann@acme.test");
    }

    static Stream<Arguments> hostileAbilities() {
        String fiftyOne = String.join(
                ",", IntStream.range(0, 51).mapToObj(i -> "\"a" + i + "\"").toList());
        return Stream.of(
                Arguments.of("[]", "The abilities field must have at least 1 item."),
                Arguments.of("[\"\"]", NOT_AN_ABILITY),
                Arguments.of("[\"" + "a".repeat(101) + "\"]", NOT_AN_ABILITY),
                Arguments.of("[\"orders read\"]", NOT_AN_ABILITY),
                Arguments.of("[\" orders:read\"]", NOT_AN_ABILITY),
                Arguments.of("[\"orders\\tread\"]", NOT_AN_ABILITY),
                Arguments.of("[\"orders:read\\n\"]", NOT_AN_ABILITY),
                Arguments.of("[\"orders\\u007f\"]", NOT_AN_ABILITY),
                Arguments.of("[\"orders\\u001b[31m\"]", NOT_AN_ABILITY),
                Arguments.of("[\"bestellungen:l\u00f6schen\"]", NOT_AN_ABILITY),
                Arguments.of("[\"\\u0430dmin\"]", NOT_AN_ABILITY),
                Arguments.of("[\"\uD83D\uDE00\"]", NOT_AN_ABILITY),
                Arguments.of("[\"orders\\u0000\"]", NOT_A_LIST),
                Arguments.of("[" + fiftyOne + "]", "The abilities field must not have more than 50 items."),
                Arguments.of("[\"orders:read\",\"orders:read\"]", "The abilities field has a duplicate value."),
                Arguments.of("\"orders:read\"", NOT_A_LIST),
                Arguments.of("\"*\"", NOT_A_LIST),
                Arguments.of("[null]", NOT_A_LIST),
                Arguments.of("[1]", NOT_A_LIST),
                Arguments.of("[true]", NOT_A_LIST),
                Arguments.of("[[\"orders:read\"]]", NOT_A_LIST),
                Arguments.of("[{\"name\":\"orders:read\"}]", NOT_A_LIST),
                Arguments.of("{\"0\":\"orders:read\"}", NOT_A_LIST),
                Arguments.of("42", NOT_A_LIST),
                Arguments.of("true", NOT_A_LIST));
    }

    @ParameterizedTest(name = "abilities: {0}")
    @MethodSource("hostileAbilities")
    void hostile_abilities_are_a_422_on_every_route_that_issues_a_token_and_nothing_is_issued(
            String abilities, String message) {
        String field = ",\"abilities\":" + abilities + "}";
        var answers = List.of(
                running.api.postJson("/api/white-label/token", admin, "{\"user_id\":" + ann.id() + field),
                running.api.postJson(
                        "/api/white-label/register",
                        admin,
                        "{\"name\":\"Bo\",\"email\":\"bo@acme.test\",\"password\":\"correct horse\"" + field),
                running.api.postJson(
                        "/api/white-label/login",
                        admin,
                        "{\"email\":\"ann@acme.test\",\"password\":\"whatever\"" + field),
                running.api.postJson("/api/user/api-keys", running.token(ann), "{\"name\":\"ci\"" + field));

        for (var answer : answers) {
            assertThat(answer.status()).as(answer.response().uri().getPath()).isEqualTo(422);
            assertThat(answer.json().get("errors").get("abilities").get(0).asText())
                    .as(answer.response().uri().getPath())
                    .isEqualTo(message);
            assertThat(answer.json().get("message").asText()).isEqualTo(message);
        }
        assertThat(tokensOf(ann))
                .as("only the token the API key request was made with")
                .hasSize(1);
    }

    @Test
    void every_route_that_issues_a_token_keeps_the_abilities_asked_for_and_the_listings_show_them() {
        running.useCases
                .setPassword()
                .setPassword(new SetPasswordCommand(
                        Actor.whiteLabelAdmin(acme.admin()), ann.id(), new Password("correct horse")));
        var created = running.api.postJson(
                "/api/white-label/token",
                admin,
                "{\"user_id\":" + ann.id() + ",\"token_name\":\"reader\",\"abilities\":[\"orders:read\"]}");
        var loggedIn = running.api.postJson(
                "/api/white-label/login",
                admin,
                "{\"email\":\"ann@acme.test\",\"password\":\"correct horse\","
                        + "\"abilities\":[\"orders:read\",\"orders:write\"]}");
        var registered = running.api.postJson(
                "/api/white-label/register",
                admin,
                "{\"name\":\"Bo\",\"email\":\"bo@acme.test\",\"password\":\"correct horse\"}");
        String reader = created.json().get("token").asText();
        var key = running.api.postJson("/api/user/api-keys", reader, "{\"name\":\"ci\"}");

        assertThat(created.json().get("abilities")).isEqualTo(array("orders:read"));
        assertThat(loggedIn.json().get("abilities")).isEqualTo(array("orders:read", "orders:write"));
        assertThat(registered.json().get("abilities"))
                .as("the admin's token holds *")
                .isEqualTo(array("*"));
        assertThat(key.json().get("api_key").get("abilities"))
                .as("the token creating it")
                .isEqualTo(array("orders:read"));
        assertThat(running.api.get("/api/user/me", reader).json().get("token"))
                .isEqualTo(json("{\"id\":" + RunningApi.idOf(reader) + ",\"abilities\":[\"orders:read\"]}"));
        assertThat(running.api
                        .get("/api/white-label/users/" + ann.id() + "/tokens", admin)
                        .json()
                        .get("data"))
                .extracting(token -> token.get("abilities"))
                .containsExactly(array("orders:read"), array("orders:read", "orders:write"), array("orders:read"));
        assertThat(running.api.get("/api/user/tokens", reader).json().get("data"))
                .extracting(token -> token.get("abilities"))
                .containsExactly(array("orders:read"), array("orders:read", "orders:write"), array("orders:read"));
        assertThat(running.api.get("/api/user/api-keys", reader).json().get("api_keys"))
                .extracting(token -> token.get("abilities"))
                .containsExactly(array("orders:read"), array("orders:read", "orders:write"), array("orders:read"));
    }

    @Test
    void null_is_left_out_and_a_form_names_them_by_repeating_the_key() {
        var leftOut = running.api.postJson(
                "/api/white-label/token", admin, "{\"user_id\":" + ann.id() + ",\"abilities\":null}");
        var form = running.api.post(
                "/api/white-label/token",
                admin,
                "application/x-www-form-urlencoded",
                "user_id=" + ann.id() + "&abilities=orders%3Aread&abilities=orders%3Awrite");
        var one = running.api.post(
                "/api/white-label/token",
                admin,
                "application/x-www-form-urlencoded",
                "user_id=" + ann.id() + "&abilities=orders%3Aread");
        var spaced = running.api.post(
                "/api/white-label/token",
                admin,
                "application/x-www-form-urlencoded",
                "user_id=" + ann.id() + "&abilities=orders+read");

        assertThat(leftOut.json().get("abilities")).isEqualTo(array("*"));
        assertThat(form.json().get("abilities")).isEqualTo(array("orders:read", "orders:write"));
        assertThat(one.json().get("abilities")).isEqualTo(array("orders:read"));
        assertThat(spaced.status()).isEqualTo(422);
        assertThat(spaced.json().get("message").asText()).isEqualTo(NOT_AN_ABILITY);
    }

    @Test
    void a_token_never_issues_one_that_holds_more_than_itself() {
        String reader = running.token(
                ann, NewToken.named("reader").holding(Optional.of(new Abilities(List.of("orders:read")))));
        String narrowAdmin = running.token(
                acme.admin(), NewToken.named("narrow").holding(Optional.of(new Abilities(List.of("users:write")))));
        String refusal = "The abilities field must not name an ability the token making the request lacks.";

        for (String wider : new String[] {"[\"*\"]", "[\"orders:read\",\"orders:write\"]"}) {
            var key =
                    running.api.postJson("/api/user/api-keys", reader, "{\"name\":\"ci\",\"abilities\":" + wider + "}");
            var token = running.api.postJson(
                    "/api/white-label/token",
                    narrowAdmin,
                    "{\"user_id\":" + ann.id() + ",\"abilities\":" + wider + "}");
            assertThat(key.status()).as(wider).isEqualTo(422);
            assertThat(key.json().get("message").asText()).isEqualTo(refusal);
            assertThat(token.status()).as(wider).isEqualTo(422);
            assertThat(token.json().get("errors").get("abilities").get(0).asText())
                    .isEqualTo(refusal);
        }
        var inherited = running.api.postJson("/api/white-label/token", narrowAdmin, "{\"user_id\":" + ann.id() + "}");
        assertThat(inherited.status())
                .as("the admin routes go by role, not ability")
                .isEqualTo(200);
        assertThat(inherited.json().get("abilities")).isEqualTo(array("users:write"));
        assertThat(tokensOf(ann)).hasSize(2);
    }

    @Test
    void no_ability_makes_a_platform_users_token_an_admins() {
        String everything = running.token(ann);
        String named = running.token(
                ann, NewToken.named("admin?").holding(Optional.of(new Abilities(List.of("admin", "white-label")))));

        for (String token : new String[] {everything, named}) {
            for (var answer : List.of(
                    running.api.postJson("/api/white-label/token", token, "{\"user_id\":" + ann.id() + "}"),
                    running.api.get("/api/white-label/users", token),
                    running.api.postJson("/api/white-label/logout", token, "{\"user_id\":" + ann.id() + "}"))) {
                assertThat(answer.status()).isEqualTo(403);
                assertThat(answer.body()).isEqualTo("{\"error\":\"You are not a white label admin.\"}\n");
            }
        }
    }

    @Test
    void introspection_answers_the_abilities_as_the_scope() {
        var client = running.serviceClient(acme);
        String reader = running.token(
                ann,
                NewToken.named("reader").holding(Optional.of(new Abilities(List.of("orders:read", "invoices:*")))));

        var answer = running.api.send(running.api
                .request(OAuthRoutes.INTROSPECT, null)
                .header(
                        "Authorization",
                        "Basic " + OAuthRoutesTest.basic(client.client().clientId(), client.secret()))
                .header("Content-Type", OAuthRoutesTest.FORM)
                .POST(HttpRequest.BodyPublishers.ofString("token=" + reader.replace("|", "%7C"))));

        assertThat(answer.json().get("active").asBoolean()).isTrue();
        assertThat(answer.json().get("scope").asText()).isEqualTo("orders:read invoices:*");
    }

    private List<JsonNode> tokensOf(User user) {
        var listed = running.api
                .get("/api/white-label/users/" + user.id() + "/tokens", admin)
                .json()
                .get("data");
        var tokens = new ArrayList<JsonNode>();
        listed.forEach(tokens::add);
        return tokens;
    }

    private static JsonNode array(String... names) {
        return JSON.valueToTree(List.of(names));
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
