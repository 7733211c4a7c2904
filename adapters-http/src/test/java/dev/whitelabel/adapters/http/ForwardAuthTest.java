package dev.whitelabel.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.whitelabel.domain.model.Abilities;
import dev.whitelabel.domain.model.NewToken;
import dev.whitelabel.domain.model.PlatformCreated;
import dev.whitelabel.domain.model.User;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** GET /auth/check and its siblings: what a gateway sees. */
class ForwardAuthTest {

    static final Abilities READER = new Abilities(List.of("orders:read", "invoices:read"));

    @RegisterExtension
    final RunningApi running = new RunningApi(RunningApi.SETTINGS, store());

    /** The in-memory adapter here; the run on PostgreSQL overrides it. */
    RunningApi.Store store() {
        return RunningApi.Store.MEMORY;
    }

    PlatformCreated acme;
    User ann;
    String annsToken;
    String gusToken;

    @BeforeEach
    void seed() {
        acme = running.platform("acme");
        ann = running.user(acme, "ann@acme.test");
        annsToken = running.token(ann);
        gusToken = running.globexUsersToken();
    }

    ApiClient.Answer check(String method, String query, String token) {
        return running.api.send(
                running.api.request("/auth/check" + query, token).method(method, HttpRequest.BodyPublishers.noBody()));
    }

    @Test
    void a_live_token_is_a_204_with_its_holders_identity_for_every_method_a_gateway_uses() {
        for (String method : new String[] {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}) {
            var answer = check(method, "", annsToken);

            assertThat(answer.status()).as(method).isEqualTo(204);
            assertThat(answer.header("X-Whitelabel-User-Id")).as(method).contains(Long.toString(ann.id()));
            assertThat(answer.header("X-Whitelabel-Platform-Id"))
                    .contains(Long.toString(acme.platform().id()));
            assertThat(answer.header("X-Whitelabel-Token-Id")).contains(Long.toString(RunningApi.idOf(annsToken)));
            assertThat(answer.header("X-Whitelabel-Email")).contains("ann@acme.test");
            assertThat(answer.header("X-Whitelabel-Role")).contains("USER");
            assertThat(answer.header("Cache-Control")).contains("no-store");
            assertThat(answer.body()).isEmpty();
        }
    }

    @Test
    void anything_else_is_the_apis_own_401_and_names_no_one() {
        running.api.postJson("/api/white-label/logout", RunningApi.adminToken(acme), "{\"user_id\":" + ann.id() + "}");

        for (String token : new String[] {annsToken, null, "1|" + "x".repeat(40), "not a token"}) {
            var answer = check("GET", "", token);
            assertThat(answer.status()).as(token).isEqualTo(401);
            assertThat(answer.header("WWW-Authenticate"))
                    .as(token)
                    .hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Bearer realm=\"whitelabel\""));
            assertThat(answer.header("X-Whitelabel-User-Id")).isEmpty();
        }
    }

    @Test
    void a_logout_is_refused_on_the_very_next_check() {
        assertThat(check("GET", "", annsToken).status()).isEqualTo(204);

        running.api.postJson(
                "/api/white-label/logout",
                RunningApi.adminToken(acme),
                "{\"user_id\":" + ann.id() + ",\"token_id\":" + RunningApi.idOf(annsToken) + "}");

        assertThat(check("GET", "", annsToken).status()).isEqualTo(401);
    }

    @Test
    void a_gateway_set_to_one_platform_lets_no_other_platforms_token_in() {
        String acmeOnly = "?platform_id=" + acme.platform().id();

        assertThat(check("GET", acmeOnly, annsToken).status()).isEqualTo(204);
        assertThat(check("GET", acmeOnly, gusToken).status()).isEqualTo(401);
        assertThat(check("GET", "", gusToken).status())
                .as("without the setting, any platform's")
                .isEqualTo(204);
    }

    @Test
    void a_malformed_platform_setting_is_a_400_which_gateways_treat_as_a_refusal() {
        for (String query : new String[] {
            "?platform_id=abc",
            "?platform_id=0",
            "?platform_id=-1",
            "?platform_id=1&platform_id=2",
            "?platform_id=",
            "?platform_id"
        }) {
            assertThat(check("GET", query, annsToken).status()).as(query).isEqualTo(400);
        }
    }

    /**
     * A gateway meant for platform 999 with a typo in its setting: each of these once read as no
     * setting at all, and let every platform's tokens through (issue 23).
     */
    @Test
    void a_query_parameter_the_check_does_not_take_is_a_400_naming_it_for_every_method() {
        var refusals = Map.of(
                "?PLATFORM_ID=999", "PLATFORM_ID",
                "?platform_id[]=999", "platform_id[]",
                "?platformId=999", "platformId",
                "?platform_id=999&tenant=999", "tenant",
                "?=999", "''");
        for (String method : new String[] {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}) {
            for (var refusal : refusals.entrySet()) {
                var answer = check(method, refusal.getKey().replace("[]", "%5B%5D"), annsToken);

                assertThat(answer.status()).as(method + " " + refusal.getKey()).isEqualTo(400);
                assertThat(answer.header("X-Whitelabel-User-Id")).isEmpty();
                if (!method.equals("HEAD")) {
                    assertThat(answer.json().get("message").asText())
                            .as(refusal.getKey())
                            .contains(refusal.getValue())
                            .endsWith("this route takes platform_id and ability only.");
                }
            }
        }
        assertThat(check("GET", "?PLATFORM_ID=999", annsToken).body())
                .isEqualTo(
                        "{\"message\":\"Unknown query parameter 'PLATFORM_ID': this route takes platform_id and ability only.\"}\n");
    }

    @Test
    void a_token_must_hold_every_ability_the_gateway_names_and_says_which_it_holds() {
        String reader = running.token(ann, NewToken.named("reader").holding(Optional.of(READER)));
        String query = "?platform_id=" + acme.platform().id() + "&ability=orders:read";

        var allowed = check("GET", query, reader);
        var everything = check("GET", query + "&ability=orders:write&ability=*", annsToken);
        var lacking = check("GET", query + "&ability=orders:write", reader);

        assertThat(allowed.status()).isEqualTo(204);
        assertThat(allowed.header("X-Whitelabel-Abilities")).contains("orders:read invoices:read");
        assertThat(everything.status()).isEqualTo(204);
        assertThat(everything.header("X-Whitelabel-Abilities")).contains("*");
        assertThat(check("GET", "", reader).header("X-Whitelabel-Abilities")).contains("orders:read invoices:read");
        for (String method : new String[] {"GET", "HEAD", "POST", "OPTIONS"}) {
            var refused = check(method, query + "&ability=orders:write", reader);
            assertThat(refused.status()).as(method).isEqualTo(403);
            assertThat(refused.header("WWW-Authenticate"))
                    .as(method)
                    .contains("Bearer realm=\"whitelabel\", error=\"insufficient_scope\"");
            assertThat(refused.header("X-Whitelabel-User-Id")).as(method).isEmpty();
        }
        assertThat(lacking.body()).isEqualTo("{\"message\":\"Invalid ability provided.\"}\n");
        assertThat(check("GET", "?ability=*", reader).status())
                .as("* is held only by a token holding *")
                .isEqualTo(403);
        assertThat(check("GET", "?ability=ORDERS:READ", reader).status()).isEqualTo(403);
    }

    @Test
    void an_ability_the_gateway_names_is_checked_after_the_token_is_known_alive() {
        String reader = running.token(ann, NewToken.named("reader").holding(Optional.of(READER)));
        running.api.postJson("/api/white-label/logout", RunningApi.adminToken(acme), "{\"user_id\":" + ann.id() + "}");

        assertThat(check("GET", "?ability=orders:write", reader).status()).isEqualTo(401);
        assertThat(check("GET", "?ability=orders:write", null).status()).isEqualTo(401);
        assertThat(check("GET", "?platform_id=" + acme.platform().id() + "&ability=orders:read", gusToken)
                        .status())
                .isEqualTo(401);
    }

    /** Like platform_id, a mistyped ability would read as a check of no ability: it is refused before the token. */
    @Test
    void an_ability_no_token_could_hold_is_a_400_that_says_what_an_ability_is() {
        var hostile = new String[] {
            "?ability=",
            "?ability",
            "?ability=" + "a".repeat(101),
            "?ability=orders%20read",
            "?ability=orders+read",
            "?ability=orders%09read",
            "?ability=orders%00",
            "?ability=orders%7F",
            "?ability=bestellungen%C3%B6",
            "?ability=%F0%9F%98%80",
            "?ability=orders:read&ability=orders:read",
            "?ability="
                    + String.join(
                            "&ability=",
                            IntStream.range(0, 51).mapToObj(i -> "a" + i).toList())
        };
        for (String query : hostile) {
            var answer = check("GET", query, annsToken);

            assertThat(answer.status()).as(query).isEqualTo(400);
            assertThat(answer.json().get("message").asText())
                    .as(query)
                    .isEqualTo("The ability parameter must name 1 to 50 different abilities, each 1 to 100 printable"
                            + " ASCII characters without spaces.");
            assertThat(answer.header("X-Whitelabel-User-Id")).isEmpty();
        }
        assertThat(check("GET", "?ability=" + "~".repeat(100), annsToken).status())
                .isEqualTo(204);
        assertThat(check("GET", "?ability=a%22b%5Cc", annsToken).status()).isEqualTo(204);
    }

    @Test
    void empty_pieces_of_a_query_string_are_no_parameters() {
        long acmeId = acme.platform().id();
        for (String query : new String[] {"?", "?&", "?platform_id=" + acmeId + "&", "?&&platform_id=" + acmeId}) {
            assertThat(check("GET", query, annsToken).status()).as(query).isEqualTo(204);
        }
        assertThat(check("GET", "?&platform_id=999", annsToken).status()).isEqualTo(401);
    }

    /** Besides the header, a 400; alone, it is never read: no token at all, as docs/gateways.md says. */
    @Test
    void a_token_in_the_query_string_is_refused_as_on_the_api() {
        String inQuery = "?access_token=" + annsToken.replace("|", "%7C");
        var besides = check("GET", inQuery, annsToken);
        var alone = check("GET", inQuery, null);

        assertThat(besides.status()).isEqualTo(400);
        assertThat(besides.header("WWW-Authenticate"))
                .hasValueSatisfying(challenge -> assertThat(challenge).contains("error=\"invalid_request\""));
        assertThat(besides.body()).doesNotContain(annsToken.substring(annsToken.indexOf('|') + 1));
        assertThat(alone.status()).isEqualTo(401);
        assertThat(alone.header("WWW-Authenticate")).contains("Bearer realm=\"whitelabel\"");
        assertThat(alone.body()).isEqualTo("{\"message\":\"Unauthenticated.\"}\n");
    }
}
