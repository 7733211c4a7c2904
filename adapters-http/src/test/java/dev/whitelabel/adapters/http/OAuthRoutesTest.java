package dev.whitelabel.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.whitelabel.domain.model.Actor;
import dev.whitelabel.domain.model.NewToken;
import dev.whitelabel.domain.model.PlatformCreated;
import dev.whitelabel.domain.model.ServiceClientCreated;
import dev.whitelabel.domain.model.User;
import java.io.IOException;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** POST /oauth/introspect (RFC 7662) and /oauth/revoke (RFC 7009) over real HTTP. */
class OAuthRoutesTest {

    static final String FORM = "application/x-www-form-urlencoded";

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
    ServiceClientCreated client;

    static String basic(String clientId, String secret) {
        return Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
    }

    @BeforeEach
    void seed() {
        acme = running.platform("acme");
        ann = running.user(acme, "ann@acme.test");
        annsToken = running.token(ann);
        gusToken = running.globexUsersToken();
        client = running.serviceClient(acme);
    }

    ApiClient.Answer post(String path, String authorization, String form) {
        var request = running.api
                .request(path, null)
                .header("Content-Type", FORM)
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return running.api.send(request);
    }

    ApiClient.Answer introspect(String form) {
        return post("/oauth/introspect", "Basic " + basic(client.client().clientId(), client.secret()), form);
    }

    static String form(String token) {
        return "token=" + token.replace("|", "%7C") + "&token_type_hint=access_token";
    }

    @Test
    void a_live_token_of_the_clients_platform_is_active_with_its_holder() {
        var expiring = running.useCases
                .createToken()
                .forAnyUser(ann.id(), new NewToken("phone", Optional.of(Duration.ofHours(1))));

        var answer = introspect(form(annsToken));
        var withExpiry = introspect(form(expiring.token().value()));

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.header("Cache-Control")).contains("no-store");
        var json = answer.json();
        assertThat(json.get("active").asBoolean()).isTrue();
        assertThat(json.get("token_type").asText()).isEqualTo("Bearer");
        assertThat(json.get("sub").asText()).isEqualTo(Long.toString(ann.id()));
        assertThat(json.get("username").asText()).isEqualTo("ann@acme.test");
        assertThat(json.get("platform_id").asLong()).isEqualTo(acme.platform().id());
        assertThat(json.get("token_id").asLong()).isEqualTo(RunningApi.idOf(annsToken));
        assertThat(json.get("role").asText()).isEqualTo("USER");
        assertThat(json.get("iat").asLong()).isPositive();
        assertThat(json.has("exp")).as("a token that never expires has no exp").isFalse();
        assertThat(withExpiry.json().get("exp").asLong())
                .isEqualTo(expiring.createdAt().plus(Duration.ofHours(1)).getEpochSecond());
    }

    @Test
    void anything_else_is_inactive_and_nothing_more() {
        running.api.postJson("/api/user/logout", annsToken, "{}");

        for (String token : new String[] {annsToken, gusToken, "1|" + "x".repeat(40), "garbage", ""}) {
            var answer = introspect("token=" + token.replace("|", "%7C"));
            if (token.isEmpty()) {
                assertThat(answer.status()).isEqualTo(400);
                continue;
            }
            assertThat(answer.status()).as(token).isEqualTo(200);
            assertThat(answer.body()).as(token).isEqualTo("{\"active\":false}\n");
        }
    }

    @Test
    void a_request_without_one_token_is_invalid_request() throws IOException {
        for (String form : new String[] {"", "token_type_hint=access_token", "token=a&token=b", "token=%ZZ"}) {
            var answer = introspect(form);
            assertThat(answer.status()).as(form).isEqualTo(400);
            assertThat(answer.body()).as(form).isEqualTo("{\"error\":\"invalid_request\"}\n");
        }
        String basic = "Basic " + basic(client.client().clientId(), client.secret());
        var json = running.api.send(running.api
                .request("/oauth/introspect", null)
                .header("Authorization", basic)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"token\":\"x\"}")));
        var twoClients = running.api.send(running.api
                .request("/oauth/introspect", null)
                .header("Authorization", basic)
                .header("Authorization", basic)
                .header("Content-Type", FORM)
                .POST(HttpRequest.BodyPublishers.ofString(form(annsToken))));
        assertThat(json.status()).as("RFC 7662 asks for a form").isEqualTo(400);
        assertThat(twoClients.status()).isEqualTo(400);
        // the head of an oversized form only: the server answers before the body, and a client still sending it
        // may find the connection closed
        try (var socket = new Socket("127.0.0.1", running.server.port())) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream()
                    .write(("POST /oauth/introspect HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + basic
                                    + "\r\nContent-Type: " + FORM + "\r\nContent-Length: 70000\r\n\r\n")
                            .getBytes(StandardCharsets.ISO_8859_1));
            assertThat(new String(socket.getInputStream().readNBytes(12), StandardCharsets.ISO_8859_1))
                    .isEqualTo("HTTP/1.1 413");
        }
    }

    @Test
    void a_client_that_does_not_prove_who_it_is_is_invalid_client_challenged_for_basic() {
        String id = client.client().clientId();
        for (String authorization : new String[] {
            null,
            "Basic " + basic(id, client.secret() + "x"),
            "Basic " + basic("wlc_nobody", client.secret()),
            "Basic !!!",
            "Bearer " + annsToken,
            "Basic " + Base64.getEncoder().encodeToString(id.getBytes(StandardCharsets.UTF_8))
        }) {
            var answer = post("/oauth/introspect", authorization, form(annsToken));
            assertThat(answer.status()).as(authorization).isEqualTo(401);
            assertThat(answer.body()).isEqualTo("{\"error\":\"invalid_client\"}\n");
            assertThat(answer.header("WWW-Authenticate")).contains("Basic realm=\"whitelabel\"");
        }
        running.useCases
                .deleteServiceClient()
                .delete(Actor.whiteLabelAdmin(acme.admin()), client.client().id());
        assertThat(introspect(form(annsToken)).status())
                .as("a deleted client, at once")
                .isEqualTo(401);
    }

    /** The default limit of a person's address, 100 in the window, holds for a client id. */
    @Test
    void wrong_secrets_past_the_limit_answer_429_and_the_right_secret_still_gets_in() {
        String id = client.client().clientId();
        for (int i = 0; i < 100; i++) {
            assertThat(post("/oauth/introspect", "Basic " + basic(id, "wls_guess" + i), form(annsToken))
                            .status())
                    .isEqualTo(401);
        }

        var wrong = post("/oauth/introspect", "Basic " + basic(id, "wls_guess"), form(annsToken));
        var right = introspect(form(annsToken));
        var revoke = post("/oauth/revoke", "Basic " + basic(id, client.secret()), form(annsToken));
        var other = running.serviceClient(acme);
        var notAttacked =
                post("/oauth/introspect", "Basic " + basic(other.client().clientId(), other.secret()), form(annsToken));

        assertThat(wrong.status()).isEqualTo(429);
        assertThat(wrong.header("Retry-After")).isPresent();
        assertThat(right.status())
                .as("knowing the id does not shut the client out")
                .isEqualTo(200);
        assertThat(revoke.status()).isEqualTo(200);
        assertThat(notAttacked.status()).isEqualTo(200);
        assertThat(running.useCases.authenticateToken().authenticate(annsToken)).isEmpty();
    }

    @Test
    void revocation_answers_200_with_nothing_either_way_and_ends_only_its_own_platforms_tokens() {
        String basic = "Basic " + basic(client.client().clientId(), client.secret());

        var other = post("/oauth/revoke", basic, form(gusToken));
        var unknown = post("/oauth/revoke", basic, form("1|" + "x".repeat(40)));
        String annsId = annsToken.substring(0, annsToken.indexOf('|') + 1);
        var guessed = post("/oauth/revoke", basic, form(annsId + "A".repeat(40)));
        assertThat(guessed.status()).isEqualTo(200);
        assertThat(running.me(annsToken))
                .as("the right id with the wrong secret revokes nothing")
                .isEqualTo(200);
        var own = post("/oauth/revoke", basic, form(annsToken));

        for (var answer : new ApiClient.Answer[] {other, unknown, own}) {
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body()).isEmpty();
        }
        assertThat(running.me(gusToken)).isEqualTo(200);
        assertThat(running.me(annsToken)).isEqualTo(401);
        var event = running.api
                .get("/api/white-label/audit", RunningApi.adminToken(acme))
                .json()
                .at("/data/0");
        assertThat(event.get("action").asText()).isEqualTo("token_revoked");
        assertThat(event.get("actor_type").asText()).isEqualTo("service_client");
        assertThat(event.get("actor_service_client_id").asLong())
                .isEqualTo(client.client().id());
        assertThat(post("/oauth/revoke", null, form(annsToken)).status()).isEqualTo(401);
        assertThat(post("/oauth/revoke", basic, "").body()).isEqualTo("{\"error\":\"invalid_request\"}\n");
    }
}
