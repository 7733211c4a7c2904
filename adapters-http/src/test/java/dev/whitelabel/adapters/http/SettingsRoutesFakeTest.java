package dev.whitelabel.adapters.http;

import static dev.whitelabel.adapters.http.RouteOverFakes.ADMIN_TOKEN;
import static dev.whitelabel.adapters.http.RouteOverFakes.ANN_TOKEN;
import static dev.whitelabel.adapters.http.RouteOverFakes.AS_ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.whitelabel.domain.model.SessionCap;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** GET and PATCH /api/white-label/settings alone, over a fake use case. */
class SettingsRoutesFakeTest {

    static final String SETTINGS = "/api/white-label/settings";
    static final SessionCap FIVE_THEN_REJECT = new SessionCap(OptionalInt.of(5), SessionCap.Policy.REJECT);

    @RegisterExtension
    final RouteOverFakes fakes = new RouteOverFakes();

    ApiClient api;

    @BeforeEach
    void serve() {
        api = fakes.serve(support -> new SettingsRoutes(
                actor -> fakes.answer(FIVE_THEN_REJECT, "sessionCap", actor),
                change -> fakes.answer(
                        SessionCap.NONE, "changeSessionCap", change.actor(), change.max(), change.policy()),
                support));
    }

    @Test
    void the_cap_is_read_with_its_policy_by_wire_name() {
        var answer = api.get(SETTINGS, ADMIN_TOKEN);

        assertThat(fakes.onlyCall()).isEqualTo(List.of("sessionCap", AS_ADMIN));
        assertThat(answer.body())
                .isEqualTo("{\"settings\":{\"max_tokens_per_user\":5,\"session_cap_policy\":\"reject\"}}\n");
    }

    @Test
    void a_field_left_out_is_no_change_and_a_null_cap_lifts_it() {
        var lifted = api.patchJson(SETTINGS, ADMIN_TOKEN, "{\"max_tokens_per_user\":null}");
        api.patchJson(SETTINGS, ADMIN_TOKEN, "{\"max_tokens_per_user\":3,\"session_cap_policy\":\"reject\"}");

        assertThat(fakes.calls())
                .isEqualTo(List.of(
                        List.of("changeSessionCap", AS_ADMIN, Optional.of(OptionalInt.empty()), Optional.empty()),
                        List.of(
                                "changeSessionCap",
                                AS_ADMIN,
                                Optional.of(OptionalInt.of(3)),
                                Optional.of(SessionCap.Policy.REJECT))));
        assertThat(lifted.body())
                .isEqualTo("{\"message\":\"Settings updated successfully.\","
                        + "\"settings\":{\"max_tokens_per_user\":null,\"session_cap_policy\":\"evict_oldest\"}}\n");
    }

    @Test
    void a_cap_out_of_range_an_unknown_policy_or_a_user_calling_never_reach_the_use_case() {
        var zero = api.patchJson(SETTINGS, ADMIN_TOKEN, "{\"max_tokens_per_user\":0}");
        var never = api.patchJson(SETTINGS, ADMIN_TOKEN, "{\"session_cap_policy\":\"never\"}");
        var notAdmin = api.get(SETTINGS, ANN_TOKEN);

        assertThat(zero.json().at("/errors/max_tokens_per_user/0").asText())
                .isEqualTo("The max tokens per user field must be between 1 and 1000.");
        assertThat(never.json().at("/errors/session_cap_policy/0").asText())
                .isEqualTo("The selected session cap policy is invalid.");
        assertThat(notAdmin.status()).isEqualTo(403);
        fakes.assertNoCall();
    }
}
