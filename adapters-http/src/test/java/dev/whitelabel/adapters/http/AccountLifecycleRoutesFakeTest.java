package dev.whitelabel.adapters.http;

import static dev.whitelabel.adapters.http.RouteOverFakes.ADMIN_TOKEN;
import static dev.whitelabel.adapters.http.RouteOverFakes.ANN_TOKEN;
import static dev.whitelabel.adapters.http.RouteOverFakes.AS_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.whitelabel.domain.error.UserNotFound;
import dev.whitelabel.domain.model.Password;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** An admin's password, disable, enable and delete alone, over a fake use case (AccountLifecycleRoutesTest runs the real one). */
class AccountLifecycleRoutesFakeTest {

    static final String ANNS = "/api/white-label/users/2";

    @RegisterExtension
    final RouteOverFakes fakes = new RouteOverFakes();

    ApiClient api;

    @BeforeEach
    void serve() {
        api = fakes.serve(support -> new AccountLifecycleRoutes(
                fakes.accounts(4).setPassword(),
                fakes.accounts(4).disable(),
                fakes.accounts(4).enable(),
                fakes.accounts(4).delete(),
                support));
    }

    @Test
    void a_new_password_is_held_to_the_rules_then_set_for_the_user_in_the_path() {
        var tooShort = api.postJson(ANNS + "/password", ADMIN_TOKEN, "{\"password\":\"short\"}");
        fakes.assertNoCall();
        var set = api.postJson(ANNS + "/password", ADMIN_TOKEN, "{\"password\":\"new password\"}");

        assertThat(tooShort.status()).isEqualTo(422);
        assertThat(fakes.onlyCall()).isEqualTo(List.of("setPassword", AS_ADMIN, 2L, new Password("new password")));
        assertThat(set.body()).isEqualTo("{\"message\":\"Password changed successfully.\",\"revoked_tokens\":4}\n");
    }

    @Test
    void disable_enable_and_delete_each_answer_their_own_message() {
        var disabled = api.postJson(ANNS + "/disable", ADMIN_TOKEN, "");
        var enabled = api.postJson(ANNS + "/enable", ADMIN_TOKEN, "");
        var deleted = api.delete(ANNS, ADMIN_TOKEN);

        assertThat(fakes.calls())
                .isEqualTo(List.of(
                        List.of("disable", AS_ADMIN, 2L),
                        List.of("enable", AS_ADMIN, 2L),
                        List.of("delete", AS_ADMIN, 2L)));
        assertThat(disabled.body()).isEqualTo("{\"message\":\"User disabled successfully.\",\"revoked_tokens\":4}\n");
        assertThat(enabled.body()).isEqualTo("{\"message\":\"User enabled successfully.\"}\n");
        assertThat(deleted.body()).isEqualTo("{\"message\":\"User deleted successfully.\",\"revoked_tokens\":4}\n");
    }

    @Test
    void an_unknown_user_a_path_that_is_no_id_and_a_user_calling_are_refused() {
        var notAnId = api.postJson("/api/white-label/users/0/disable", ADMIN_TOKEN, "");
        var notAdmin = api.postJson(ANNS + "/disable", ANN_TOKEN, "");
        fakes.assertNoCall();
        fakes.refuse(new UserNotFound());
        var unknown = api.delete(ANNS, ADMIN_TOKEN);

        assertThat(notAnId.status()).isEqualTo(404);
        assertThat(notAnId.body()).isEqualTo("{\"error\":\"User not found.\"}\n");
        assertThat(notAdmin.status()).isEqualTo(403);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).isEqualTo("{\"error\":\"User not found.\"}\n");
    }
}
