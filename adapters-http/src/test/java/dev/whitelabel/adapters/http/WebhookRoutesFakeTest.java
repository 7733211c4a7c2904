package dev.whitelabel.adapters.http;

import static dev.whitelabel.adapters.http.RouteOverFakes.ADMIN_TOKEN;
import static dev.whitelabel.adapters.http.RouteOverFakes.AS_ADMIN;
import static dev.whitelabel.adapters.http.RouteOverFakes.PLATFORM;
import static dev.whitelabel.adapters.http.RouteOverFakes.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.whitelabel.domain.error.DeliveryNotFound;
import dev.whitelabel.domain.error.Input;
import dev.whitelabel.domain.error.InvalidInput;
import dev.whitelabel.domain.error.Violation.Rule;
import dev.whitelabel.domain.error.WebhookNotFound;
import dev.whitelabel.domain.model.Page;
import dev.whitelabel.domain.model.PageRequest;
import dev.whitelabel.domain.model.WebhookDelivery;
import dev.whitelabel.domain.model.WebhookEnabled;
import dev.whitelabel.domain.model.WebhookEndpoint;
import dev.whitelabel.domain.model.WebhookEndpointCreated;
import dev.whitelabel.domain.model.WebhookEventType;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** /api/white-label/webhooks alone, over a fake use case (WebhookRoutesTest runs the real one). */
class WebhookRoutesFakeTest {

    static final String PATH = "/api/white-label/webhooks";
    static final String URL = "https://hooks.example/in";
    static final String AT = "\"2025-01-02T03:04:05Z\"";
    /** Disabled for failing, as only the service disables one. */
    static final WebhookEndpoint DISABLED = new WebhookEndpoint(
            3, PLATFORM, URL, Set.of(WebhookEventType.USER_LOGGED_OUT), T0, Optional.of(T0), Optional.of(T0));

    static final WebhookDelivery FAILED_TWICE = new WebhookDelivery(
            9,
            3,
            "msg_1",
            WebhookEventType.TOKEN_REVOKED,
            T0,
            2,
            Optional.of(500),
            Optional.empty(),
            Optional.of(T0),
            Optional.empty(),
            Optional.empty());

    @RegisterExtension
    final RouteOverFakes fakes = new RouteOverFakes();

    ApiClient api;

    @BeforeEach
    void serve() {
        api = fakes.serve(support -> new WebhookRoutes(
                create -> fakes.answer(
                        new WebhookEndpointCreated(DISABLED, "whsec_x"),
                        "create",
                        create.actor(),
                        create.url(),
                        create.events()),
                actor -> fakes.answer(List.of(DISABLED), "list", actor),
                (actor, endpointId) -> fakes.answer(DISABLED, "find", actor, endpointId),
                (actor, endpointId) -> fakes.answer(new WebhookEnabled(DISABLED, 4), "enable", actor, endpointId),
                (actor, endpointId) -> fakes.answer(null, "delete", actor, endpointId),
                query -> fakes.answer(
                        new Page<>(List.of(FAILED_TWICE), query.page(), 1),
                        "deliveries",
                        query.actor(),
                        query.endpointId(),
                        query.page()),
                retry -> fakes.answer(null, "retry", retry.actor(), retry.endpointId(), retry.deliveryId()),
                support));
    }

    @Test
    void an_endpoint_is_created_for_the_event_types_named_and_its_secret_shown_once() {
        var unknownType = api.postJson(PATH, ADMIN_TOKEN, "{\"url\":\"" + URL + "\",\"events\":[\"user.created\"]}");
        fakes.assertNoCall();
        var created = api.postJson(PATH, ADMIN_TOKEN, "{\"url\":\"" + URL + "\",\"events\":[\"user.logged_out\"]}");

        assertThat(unknownType.status()).isEqualTo(422);
        assertThat(fakes.onlyCall())
                .isEqualTo(List.of("create", AS_ADMIN, URL, Set.of(WebhookEventType.USER_LOGGED_OUT)));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body())
                .isEqualTo("{\"message\":\"Webhook created successfully.\",\"webhook\":{\"id\":3,\"url\":\"" + URL
                        + "\",\"events\":[\"user.logged_out\"],\"created_at\":" + AT + ",\"secret\":\"whsec_x\"}}\n");
    }

    @Test
    void an_unknown_event_type_is_answered_with_the_other_fields_errors() {
        var answer = api.postJson(PATH, ADMIN_TOKEN, "{\"events\":[\"x\"]}");

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json().get("errors").fieldNames()).toIterable().containsExactly("url", "events");
        assertThat(answer.json().get("message").asText()).endsWith("(and 1 more error)");
        fakes.assertNoCall();
    }

    @Test
    void a_url_the_use_case_refuses_is_its_422() {
        fakes.refuse(InvalidInput.of(Input.URL, Rule.NOT_PUBLIC));

        var answer = api.postJson(PATH, ADMIN_TOKEN, "{\"url\":\"http://10.0.0.1/\"}");

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json().at("/errors/url/0").asText())
                .isEqualTo("The url field must point to a public address.");
    }

    @Test
    void a_disabled_endpoint_says_why_and_enabling_it_says_how_many_deliveries_resumed() {
        var found = api.get(PATH + "/3", ADMIN_TOKEN);
        var enabled = api.postJson(PATH + "/3/enable", ADMIN_TOKEN, "");
        fakes.refuse(new WebhookNotFound());
        var unknown = api.get(PATH + "/4", ADMIN_TOKEN);

        assertThat(fakes.calls().subList(0, 2))
                .isEqualTo(List.of(List.of("find", AS_ADMIN, 3L), List.of("enable", AS_ADMIN, 3L)));
        String endpoint = "{\"id\":3,\"url\":\"" + URL + "\",\"events\":[\"user.logged_out\"],\"created_at\":" + AT
                + ",\"failing_since\":" + AT + ",\"disabled_at\":" + AT + ",\"disabled_reason\":\"failing\"}";
        assertThat(found.body()).isEqualTo("{\"webhook\":" + endpoint + "}\n");
        assertThat(enabled.body())
                .isEqualTo("{\"message\":\"Webhook enabled successfully.\",\"resumed_deliveries\":4,\"webhook\":"
                        + endpoint + "}\n");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).isEqualTo("{\"error\":\"Webhook endpoint not found.\"}\n");
    }

    @Test
    void deliveries_are_listed_by_page_and_one_retried_by_its_ids_in_the_path() {
        var listed = api.get(PATH + "/3/deliveries?per_page=5", ADMIN_TOKEN);
        var notAnId = api.postJson(PATH + "/3/deliveries/x/retry", ADMIN_TOKEN, "");
        var retried = api.postJson(PATH + "/3/deliveries/9/retry", ADMIN_TOKEN, "");
        fakes.refuse(new DeliveryNotFound());
        var unknown = api.postJson(PATH + "/3/deliveries/10/retry", ADMIN_TOKEN, "");

        assertThat(fakes.calls().subList(0, 2))
                .isEqualTo(List.of(
                        List.of("deliveries", AS_ADMIN, 3L, new PageRequest(1, 5)),
                        List.of("retry", AS_ADMIN, 3L, 9L)));
        assertThat(listed.json().at("/data/0").toString())
                .isEqualTo("{\"id\":9,\"event_id\":\"msg_1\",\"type\":\"token.revoked\",\"occurred_at\":" + AT
                        + ",\"attempts\":2,\"last_status\":500,\"last_error\":null,\"next_attempt_at\":" + AT
                        + ",\"delivered_at\":null,\"failed_at\":null}");
        assertThat(notAnId.body()).isEqualTo("{\"error\":\"Webhook delivery not found.\"}\n");
        assertThat(retried.body()).isEqualTo("{\"message\":\"Delivery due again now.\"}\n");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).isEqualTo("{\"error\":\"Webhook delivery not found.\"}\n");
    }
}
