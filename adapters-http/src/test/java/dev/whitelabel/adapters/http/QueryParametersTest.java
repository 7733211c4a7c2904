package dev.whitelabel.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The rule for query strings, route by route as the served OpenAPI document lists them: a route that
 * takes query parameters refuses any other name with a 400 naming it; a route that takes none
 * ignores the query string.
 */
class QueryParametersTest {

    @RegisterExtension
    final RunningApi running = new RunningApi();

    String admin;

    @BeforeEach
    void seed() {
        admin = RunningApi.adminToken(running.platform("acme"));
    }

    /**
     * A documented route: its method, its path with every path parameter 1, the query parameters it
     * documents, and whether it documents a 400.
     */
    record Route(String method, String path, List<String> queryParameters, boolean documents400) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    List<Route> documentedRoutes() {
        var routes = new ArrayList<Route>();
        running.api
                .get("/openapi.json", null)
                .json()
                .get("paths")
                .properties()
                .forEach(path -> path.getValue().properties().forEach(operation -> {
                    var names = new ArrayList<String>();
                    for (JsonNode parameter : operation.getValue().path("parameters")) {
                        if (parameter.get("in").asText().equals("query")) {
                            names.add(parameter.get("name").asText());
                        }
                    }
                    routes.add(new Route(
                            operation.getKey().toUpperCase(),
                            path.getKey().replaceAll("\\{[^}]+}", "1"),
                            names,
                            operation.getValue().path("responses").has("400")));
                }));
        return routes;
    }

    ApiClient.Answer send(Route route, String query) {
        return running.api.send(running.api
                .request(route.path() + query, admin)
                .method(route.method(), HttpRequest.BodyPublishers.noBody()));
    }

    @Test
    void every_route_that_takes_query_parameters_refuses_any_other_name_and_says_which_it_takes() {
        var taking = documentedRoutes().stream()
                .filter(route -> !route.queryParameters().isEmpty())
                .toList();
        assertThat(taking).hasSizeGreaterThanOrEqualTo(10);

        for (Route route : taking) {
            var answer = send(route, "?per_pag=1");

            assertThat(answer.status()).as(route.toString()).isEqualTo(400);
            assertThat(route.documents400()).as(route + " documents its 400").isTrue();
            assertThat(answer.json().get("message").asText())
                    .as(route.toString())
                    .isEqualTo("Unknown query parameter 'per_pag': this route takes " + listed(route.queryParameters())
                            + " only.");
        }
    }

    static String listed(List<String> names) {
        int last = names.size() - 1;
        return last == 0 ? names.get(0) : String.join(", ", names.subList(0, last)) + " and " + names.get(last);
    }

    /** Cache busters (the console's files, a monitor's ?_=...) keep working where nothing is read from the query. */
    @Test
    void a_get_route_that_takes_none_ignores_the_query_string() {
        var ignoring = documentedRoutes().stream()
                .filter(route ->
                        route.method().equals("GET") && route.queryParameters().isEmpty())
                .filter(route -> !route.path().contains("/1"))
                .toList();
        assertThat(ignoring).extracting(Route::path).contains("/console/console.js", "/health/live", "/api/user/me");

        for (Route route : ignoring) {
            assertThat(send(route, "?v=1&_=1700000000").status())
                    .as(route.toString())
                    .isEqualTo(send(route, "").status())
                    .isLessThan(300);
        }
    }

    @Test
    void a_name_is_shown_percent_encoded_beyond_plain_ascii_and_not_at_all_when_long() {
        var shown = new String[][] {
            {"?platform_id%E2%80%AE=1", "'platform_id%E2%80%AE'"},
            {"?a+b%22%3C%3E=1", "'a%20b%22%3C%3E'"},
            {"?" + "n".repeat(32) + "=1", "'" + "n".repeat(32) + "'"},
            {"?" + "n".repeat(33) + "=1", "(a name too long to show)"},
            {"?1%7C" + "s".repeat(40), "(a name too long to show)"},
            {"?=1", "''"}
        };
        for (String[] name : shown) {
            assertThat(running.api
                            .get("/api/white-label/audit" + name[0], admin)
                            .body())
                    .as(name[0])
                    .isEqualTo("{\"message\":\"Unknown query parameter " + name[1]
                            + ": this route takes page and per_page only.\"}\n");
        }
    }

    /** Empty pieces, as URL builders leave them ("?&page=1", "?page=1&"), are not parameters. */
    @Test
    void empty_pieces_of_a_query_string_are_no_parameters() {
        for (String query : new String[] {"?", "?&", "?&page=1", "?page=1&", "?page=1&&per_page=2", "?="}) {
            assertThat(running.api.get("/api/white-label/audit" + query, admin).status())
                    .as(query)
                    .isEqualTo(200);
        }
    }
}
