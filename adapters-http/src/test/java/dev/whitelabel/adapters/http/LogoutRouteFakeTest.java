package dev.whitelabel.adapters.http;

import static dev.whitelabel.adapters.http.RouteOverFakes.ADMIN_TOKEN;
import static dev.whitelabel.adapters.http.RouteOverFakes.ANN_TOKEN;
import static dev.whitelabel.adapters.http.RouteOverFakes.AS_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.whitelabel.domain.error.TokenNotFound;
import dev.whitelabel.domain.error.UserNotFound;
import dev.whitelabel.domain.model.LogoutResult;
import dev.whitelabel.domain.model.LogoutScope;
import dev.whitelabel.domain.model.LogoutTarget;
import dev.whitelabel.domain.model.UserReference;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** POST /api/white-label/logout alone, over a fake use case (LogoutRouteTest runs the real one). */
class LogoutRouteFakeTest {

    static final String LOGOUT = "/api/white-label/logout";

    @RegisterExtension
    final RouteOverFakes fakes = new RouteOverFakes();

    ApiClient api;

    @BeforeEach
    void serve() {
        api = fakes.serve(support -> new LogoutRoute(
                (actor, target) -> fakes.answer(new LogoutResult(3), "logout", actor, target), support));
    }

    @Test
    void a_user_id_and_a_token_id_are_one_token_of_that_user() {
        var answer = api.postJson(LOGOUT, ADMIN_TOKEN, "{\"user_id\":2,\"token_id\":4}");

        assertThat(fakes.onlyCall())
                .isEqualTo(List.of(
                        "logout", AS_ADMIN, new LogoutTarget(UserReference.byId(2), new LogoutScope.OneToken(4))));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).isEqualTo("{\"message\":\"User logged out successfully.\",\"revoked_tokens\":3}\n");
    }

    @Test
    void an_email_and_a_token_to_keep_are_every_other_token_of_that_user() {
        api.postJson(LOGOUT, ADMIN_TOKEN, "{\"email\":\"ann@acme.test\",\"except_token_id\":5}");

        assertThat(fakes.onlyCall().get(2))
                .isEqualTo(new LogoutTarget(UserReference.byEmail("ann@acme.test"), new LogoutScope.AllBut(5)));
    }

    @Test
    void the_use_cases_refusals_are_the_documented_404s() {
        fakes.refuse(new UserNotFound());
        var noUser = api.postJson(LOGOUT, ADMIN_TOKEN, "{\"user_id\":2}");
        fakes.refuse(new TokenNotFound());
        var noToken = api.postJson(LOGOUT, ADMIN_TOKEN, "{\"user_id\":2,\"token_id\":4}");

        assertThat(noUser.status()).isEqualTo(404);
        assertThat(noUser.body()).isEqualTo("{\"error\":\"User not found.\"}\n");
        assertThat(noToken.status()).isEqualTo(404);
        assertThat(noToken.body()).isEqualTo("{\"error\":\"Token not found.\"}\n");
    }

    @Test
    void no_user_named_or_no_admin_calling_never_reaches_the_use_case() {
        var nobody = api.postJson(LOGOUT, ADMIN_TOKEN, "{\"token_id\":4}");
        var notAdmin = api.postJson(LOGOUT, ANN_TOKEN, "{\"user_id\":2}");

        assertThat(nobody.status()).isEqualTo(422);
        assertThat(nobody.json().at("/errors/user_id/0").asText()).isEqualTo("Either user_id or email is required.");
        assertThat(notAdmin.status()).isEqualTo(403);
        assertThat(notAdmin.body()).isEqualTo("{\"error\":\"You are not a white label admin.\"}\n");
        fakes.assertNoCall();
    }
}
