package dev.whitelabel.adapters.http;

import static dev.whitelabel.adapters.http.RouteOverFakes.ANNS_SESSION;
import static dev.whitelabel.adapters.http.RouteOverFakes.ANN_TOKEN;
import static dev.whitelabel.adapters.http.RouteOverFakes.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.whitelabel.domain.model.Introspection;
import java.net.http.HttpRequest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** POST /oauth/introspect and /oauth/revoke alone, over a fake use case (OAuthRoutesTest runs the real one). */
class OAuthRoutesFakeTest {

    static final String FORM = "token=" + ANN_TOKEN.replace("|", "%7C") + "&token_type_hint=access_token";

    @RegisterExtension
    final RouteOverFakes fakes = new RouteOverFakes();

    ApiClient api;
    Introspection verdict = new Introspection.Active(ANNS_SESSION);
    boolean clientProven = true;

    @BeforeEach
    void serve() {
        api = fakes.serve(support -> new OAuthRoutes(
                (clientId, secret, token) -> fakes.answer(verdict, "introspect", clientId, secret, token),
                (clientId, secret, token) -> fakes.answer(clientProven, "revoke", clientId, secret, token),
                support));
    }

    /** Basic credentials are URL-encoded before base64 (RFC 6749 section 2.3.1): "p%40ss" is "p@ss". */
    ApiClient.Answer post(String path, String contentType, String body) {
        return api.send(api.request(path, null)
                .header("Authorization", "Basic " + OAuthRoutesTest.basic("wlc_id", "p%40ss"))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    @Test
    void an_active_token_is_answered_with_its_holder() {
        var answer = post("/oauth/introspect", OAuthRoutesTest.FORM, FORM);

        assertThat(fakes.onlyCall()).isEqualTo(List.of("introspect", "wlc_id", "p@ss", ANN_TOKEN));
        assertThat(answer.body())
                .isEqualTo("{\"active\":true,\"token_type\":\"Bearer\",\"sub\":\"2\",\"username\":\"ann@acme.test\","
                        + "\"platform_id\":7,\"token_id\":22,\"role\":\"USER\",\"scope\":\"*\",\"iat\":"
                        + T0.getEpochSecond()
                        + "}\n");
    }

    @Test
    void an_inactive_token_says_nothing_more_and_an_unproven_client_is_invalid_client() {
        verdict = new Introspection.Inactive();
        var inactive = post("/oauth/introspect", OAuthRoutesTest.FORM, FORM);
        verdict = new Introspection.InvalidClient();
        var unproven = post("/oauth/introspect", OAuthRoutesTest.FORM, FORM);

        assertThat(inactive.body()).isEqualTo("{\"active\":false}\n");
        assertThat(unproven.status()).isEqualTo(401);
        assertThat(unproven.header("WWW-Authenticate")).contains("Basic realm=\"whitelabel\"");
        assertThat(unproven.body()).isEqualTo("{\"error\":\"invalid_client\"}\n");
    }

    @Test
    void revoke_answers_an_empty_200_unless_the_client_is_unproven() {
        var revoked = post("/oauth/revoke", OAuthRoutesTest.FORM, FORM);
        clientProven = false;
        var unproven = post("/oauth/revoke", OAuthRoutesTest.FORM, FORM);

        assertThat(fakes.calls().get(0)).isEqualTo(List.of("revoke", "wlc_id", "p@ss", ANN_TOKEN));
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.body()).isEmpty();
        assertThat(unproven.status()).isEqualTo(401);
        assertThat(unproven.body()).isEqualTo("{\"error\":\"invalid_client\"}\n");
    }

    @Test
    void no_credentials_or_a_body_that_is_not_a_form_never_reach_the_use_case() {
        var anonymous = api.post("/oauth/introspect", null, OAuthRoutesTest.FORM, FORM);
        var json = post("/oauth/revoke", "application/json", "{\"token\":\"" + ANN_TOKEN + "\"}");

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.body()).isEqualTo("{\"error\":\"invalid_client\"}\n");
        assertThat(json.status()).isEqualTo(400);
        assertThat(json.body()).isEqualTo("{\"error\":\"invalid_request\"}\n");
        fakes.assertNoCall();
    }
}
