package dev.whitelabel.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.whitelabel.domain.model.PlatformCreated;
import dev.whitelabel.domain.model.User;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** GET /auth/check and its siblings: what a gateway sees. */
class ForwardAuthTest {

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
            "?platform_id=abc", "?platform_id=0", "?platform_id=-1", "?platform_id=1&platform_id=2", "?platform_id="
        }) {
            assertThat(check("GET", query, annsToken).status()).as(query).isEqualTo(400);
        }
    }
}
