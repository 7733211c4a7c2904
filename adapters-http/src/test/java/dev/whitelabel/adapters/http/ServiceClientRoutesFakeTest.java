package dev.whitelabel.adapters.http;

import static dev.whitelabel.adapters.http.RouteOverFakes.ADMIN_TOKEN;
import static dev.whitelabel.adapters.http.RouteOverFakes.AS_ADMIN;
import static dev.whitelabel.adapters.http.RouteOverFakes.PLATFORM;
import static dev.whitelabel.adapters.http.RouteOverFakes.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.whitelabel.domain.error.ServiceClientNotFound;
import dev.whitelabel.domain.model.ServiceClient;
import dev.whitelabel.domain.model.ServiceClientCreated;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** /api/white-label/service-clients alone, over a fake use case (ServiceClientRoutesTest runs the real one). */
class ServiceClientRoutesFakeTest {

    static final String PATH = "/api/white-label/service-clients";
    static final ServiceClient BILLING = new ServiceClient(5, PLATFORM, "billing api", "wlc_abc", T0);

    @RegisterExtension
    final RouteOverFakes fakes = new RouteOverFakes();

    ApiClient api;

    @BeforeEach
    void serve() {
        api = fakes.serve(support -> new ServiceClientRoutes(
                (actor, name) -> fakes.answer(new ServiceClientCreated(BILLING, "wls_xyz"), "create", actor, name),
                actor -> fakes.answer(List.of(BILLING), "list", actor),
                (actor, serviceClientId) -> fakes.answer(null, "delete", actor, serviceClientId),
                support));
    }

    @Test
    void a_named_client_is_created_and_its_secret_shown_once() {
        var unnamed = api.postJson(PATH, ADMIN_TOKEN, "{}");
        fakes.assertNoCall();
        var created = api.postJson(PATH, ADMIN_TOKEN, "{\"name\":\"billing api\"}");

        assertThat(unnamed.status()).isEqualTo(422);
        assertThat(fakes.onlyCall()).isEqualTo(List.of("create", AS_ADMIN, "billing api"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body())
                .isEqualTo("{\"message\":\"Service client created successfully.\",\"service_client\":{\"id\":5,"
                        + "\"name\":\"billing api\",\"client_id\":\"wlc_abc\",\"client_secret\":\"wls_xyz\","
                        + "\"created_at\":\"2025-01-02T03:04:05Z\"}}\n");
    }

    @Test
    void the_listing_never_holds_a_secret() {
        var answer = api.get(PATH, ADMIN_TOKEN);

        assertThat(fakes.onlyCall()).isEqualTo(List.of("list", AS_ADMIN));
        assertThat(answer.body())
                .isEqualTo("{\"service_clients\":[{\"id\":5,\"name\":\"billing api\",\"client_id\":\"wlc_abc\","
                        + "\"created_at\":\"2025-01-02T03:04:05Z\"}]}\n");
    }

    @Test
    void delete_takes_the_id_in_the_path_and_an_unknown_client_is_a_404() {
        var notAnId = api.delete(PATH + "/abc", ADMIN_TOKEN);
        fakes.assertNoCall();
        var deleted = api.delete(PATH + "/5", ADMIN_TOKEN);
        fakes.refuse(new ServiceClientNotFound());
        var unknown = api.delete(PATH + "/6", ADMIN_TOKEN);

        assertThat(fakes.calls().get(0)).isEqualTo(List.of("delete", AS_ADMIN, 5L));
        assertThat(deleted.body()).isEqualTo("{\"message\":\"Service client deleted successfully.\"}\n");
        assertThat(notAnId.body()).isEqualTo("{\"error\":\"Service client not found.\"}\n");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).isEqualTo("{\"error\":\"Service client not found.\"}\n");
    }
}
