package dev.whitelabel.adapters.http;

import static dev.whitelabel.adapters.http.RouteOverFakes.ADMIN_TOKEN;
import static dev.whitelabel.adapters.http.RouteOverFakes.ANN;
import static dev.whitelabel.adapters.http.RouteOverFakes.AS_ADMIN;
import static dev.whitelabel.adapters.http.RouteOverFakes.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.whitelabel.domain.error.UserNotFound;
import dev.whitelabel.domain.model.AuditEvent;
import dev.whitelabel.domain.model.Page;
import dev.whitelabel.domain.model.PageRequest;
import dev.whitelabel.domain.model.RecordedAuditEvent;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The admin's listings alone, over fake use cases (ListingRoutesTest runs the real ones). */
class ListingRoutesFakeTest {

    static final RecordedAuditEvent LOGOUT_OF_ANN = new RecordedAuditEvent(
            5, AuditEvent.ofTokens(T0, AS_ADMIN, ANN, AuditEvent.AuditAction.LOGOUT_ALL, Optional.empty(), 3));

    @RegisterExtension
    final RouteOverFakes fakes = new RouteOverFakes();

    ApiClient api;

    @BeforeEach
    void serve() {
        api = fakes.serve(support -> new ListingRoutes(
                (actor, search, page) -> fakes.answer(new Page<>(List.of(ANN), page, 3), "users", actor, search, page),
                fakes.userTokens(List.of()),
                (actor, page) -> fakes.answer(new Page<>(List.of(LOGOUT_OF_ANN), page, 1), "audit", actor, page)));
    }

    @Test
    void users_pass_the_search_and_the_page_and_answer_laravels_paginator() {
        var answer = api.get("/api/white-label/users?page=2&per_page=1&search=ann", ADMIN_TOKEN);

        assertThat(fakes.onlyCall()).isEqualTo(List.of("users", AS_ADMIN, Optional.of("ann"), new PageRequest(2, 1)));
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("data").toString())
                .isEqualTo("[{\"id\":2,\"name\":\"Ann\",\"email\":\"ann@acme.test\","
                        + "\"created_at\":\"2025-01-02T03:04:05Z\",\"disabled_at\":null}]");
        assertThat(answer.json().at("/meta/total").asLong()).isEqualTo(3);
        assertThat(answer.json().at("/links/next").asText())
                .isEqualTo("/api/white-label/users?page=3&per_page=1&search=ann");
    }

    @Test
    void a_users_tokens_are_asked_by_the_id_in_the_path() {
        var notAnId = api.get("/api/white-label/users/x/tokens", ADMIN_TOKEN);
        fakes.assertNoCall();
        var listed = api.get("/api/white-label/users/2/tokens", ADMIN_TOKEN);
        fakes.refuse(new UserNotFound());
        var unknown = api.get("/api/white-label/users/3/tokens", ADMIN_TOKEN);

        assertThat(notAnId.body()).isEqualTo("{\"error\":\"User not found.\"}\n");
        assertThat(fakes.calls().get(0)).isEqualTo(List.of("list", AS_ADMIN, 2L, PageRequest.first()));
        assertThat(listed.json().get("data")).isEmpty();
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).isEqualTo("{\"error\":\"User not found.\"}\n");
    }

    @Test
    void the_audit_trail_names_actions_and_actors_in_lower_case() {
        var answer = api.get("/api/white-label/audit", ADMIN_TOKEN);

        assertThat(fakes.onlyCall()).isEqualTo(List.of("audit", AS_ADMIN, PageRequest.first()));
        assertThat(answer.json().at("/data/0").toString())
                .isEqualTo("{\"id\":5,\"occurred_at\":\"2025-01-02T03:04:05Z\",\"action\":\"logout_all\","
                        + "\"actor_type\":\"admin\",\"actor_user_id\":1,\"actor_service_client_id\":null,"
                        + "\"target_user_id\":2,\"token_id\":null,\"token_count\":3,\"service_client_id\":null,"
                        + "\"webhook_id\":null}");
    }

    @Test
    void a_bad_page_is_refused_before_any_use_case() {
        var answer = api.get("/api/white-label/audit?page=0", ADMIN_TOKEN);

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json().at("/errors/page/0").asText()).isEqualTo("The page field must be at least 1.");
        fakes.assertNoCall();
    }
}
