package dev.whitelabel.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpRequest;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** OpenAPI, docs, metrics, health, readiness and request ids, against the running server. */
class OperationsTest {

    @RegisterExtension
    final RunningApi running = new RunningApi();

    ApiClient api;
    String admin;

    @BeforeEach
    void seed() {
        api = running.api;
        admin = RunningApi.adminToken(running.platform("acme"));
    }

    @Test
    void the_openapi_document_has_exactly_the_servers_routes() throws Exception {
        var document =
                new ObjectMapper().readTree(api.get("/openapi.json", null).body());
        Set<String> documented = new TreeSet<>();
        document.get("paths")
                .properties()
                .forEach(path -> path.getValue()
                        .fieldNames()
                        .forEachRemaining(method -> documented.add(method.toUpperCase() + " " + path.getKey())));

        assertThat(documented).isEqualTo(new TreeSet<>(running.server.routes()));
        assertThat(document.get("openapi").asText()).startsWith("3.");
        assertThat(document.at("/components/securitySchemes/bearer/scheme").asText())
                .isEqualTo("bearer");
        assertThat(document.at("/paths/~1api~1white-label~1logout/post/responses")
                        .fieldNames())
                .toIterable()
                .contains("200", "400", "401", "403", "404", "413", "415", "422");
    }

    @Test
    void the_docs_are_served_from_the_jar_with_no_outside_host() {
        var page = api.get("/docs", null);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("/docs/ui/swagger-ui-bundle.js")
                .doesNotContain("http://")
                .doesNotContain("https://");
        assertThat(api.get("/docs/ui/swagger-ui-bundle.js", null).status()).isEqualTo(200);
        assertThat(api.get("/docs/ui/swagger-ui.css", null).status()).isEqualTo(200);
        assertThat(api.get("/docs/docs.js", null).body())
                .contains("/openapi.json")
                .doesNotContain("http");
        assertThat(api.get("/docs/ui/pom.properties", null).status()).isEqualTo(404);
    }

    @Test
    void health_liveness_and_readiness_answer_while_serving() {
        assertThat(api.get("/health", null).body()).isEqualTo("{\"status\":\"ok\"}\n");
        assertThat(api.get("/health/live", null).status()).isEqualTo(200);
        assertThat(api.get("/ready", null).body()).isEqualTo("{\"status\":\"ok\"}\n");
    }

    @Test
    void metrics_count_requests_by_route_authentication_failures_and_logouts() {
        var ann = running.user(running.platform("globex"), "ann@globex.test");
        String token = running.token(ann);
        api.get("/api/user/me", token);
        api.get("/api/user/me", null);
        api.get("/api/user/me", "1|" + "x".repeat(40));
        api.post("/api/user/logout", token, null, "");

        String metrics = api.get("/metrics", null).body();

        assertThat(metrics)
                .contains("http_server_requests_seconds_count{method=\"GET\",route=\"/api/user/me\",status=\"200\"} 1");
        assertThat(metrics)
                .contains("http_server_requests_seconds_bucket{method=\"GET\",route=\"/api/user/me\",status=\"200\"");
        assertThat(metrics).contains("whitelabel_authentication_failures_total{reason=\"missing\"} 1");
        assertThat(metrics).contains("whitelabel_authentication_failures_total{reason=\"invalid_token\"} 1");
        assertThat(metrics).contains("whitelabel_logouts_total{kind=\"self_one\"} 1");
        assertThat(metrics).contains("whitelabel_tokens_revoked_total 1");
        assertThat(metrics).doesNotContain(token.substring(token.indexOf('|') + 1));
    }

    /** Micrometer's percentile histogram gave each route and status 69 buckets: about 100 KB for these 60 requests. */
    @Test
    void a_scrape_after_sixty_requests_on_a_dozen_routes_and_statuses_stays_small() {
        var ann = running.user(running.platform("globex"), "ann@globex.test");
        String token = running.token(ann);
        for (int i = 0; i < 5; i++) {
            api.get("/health/live", null);
            api.get("/health", null);
            api.get("/ready", null);
            api.get("/api/user/me", token);
            api.get("/api/user/me", null);
            api.get("/api/user/tokens", token);
            api.get("/auth/check", token);
            api.get("/auth/check", null);
            api.get("/nowhere", null);
            api.get("/api/white-label/users", admin);
            api.post("/api/white-label/logout", admin, null, "{\"user_id\":999999}");
            api.get("/openapi.json", null);
        }

        String metrics = api.get("/metrics", null).body();

        var series = metrics.lines()
                .filter(line -> line.startsWith("http_server_requests_seconds_count{"))
                .toList();
        assertThat(series).hasSizeGreaterThanOrEqualTo(12);
        for (String count : series) {
            String labels = count.substring(count.indexOf('{'), count.indexOf('}') + 1);
            assertThat(metrics.lines()
                            .filter(line ->
                                    line.startsWith("http_server_requests_seconds_bucket" + labels.replace("}", ","))))
                    .as(labels)
                    .hasSize(ApiMetrics.BUCKETS.length + 1);
        }
        // the buckets count cumulatively, up to every request at +Inf (how fast each was depends on the machine)
        var me = metrics.lines()
                .filter(line -> line.startsWith(
                        "http_server_requests_seconds_bucket{method=\"GET\",route=\"/api/user/me\",status=\"200\","))
                .map(line -> Long.parseLong(line.substring(line.lastIndexOf(' ') + 1)))
                .toList();
        assertThat(me).isSorted().endsWith(5L);
        assertThat(metrics).contains("le=\"+Inf\"");
        assertThat(metrics.length()).as("the scrape's length").isLessThan(24 * 1024);
    }

    @Test
    void a_made_up_method_is_counted_and_logged_as_other() {
        for (String method : new String[] {"FOO1", "FOO2", "X".repeat(300)}) {
            running.api.send(running.api.request("/health", null).method(method, HttpRequest.BodyPublishers.noBody()));
        }

        String metrics = api.get("/metrics", null).body();

        assertThat(metrics).doesNotContain("FOO1").doesNotContain("XXXX").contains("method=\"OTHER\"");
    }

    /** Javalin on its own answered HEAD with an empty text/plain 200 whatever GET would answer. */
    @Test
    void head_answers_every_get_route_with_the_headers_of_get_and_no_body() {
        var gets = running.server.routes().stream()
                .filter(route -> route.startsWith("GET "))
                .map(route -> route.substring(4)
                        .replace("{id}", "1")
                        .replace("{platform}", "1")
                        .replace("{file}", "swagger-ui.css"))
                .toList();
        assertThat(gets).contains("/console/console.js", "/api/user/me", "/docs/ui/swagger-ui.css");

        for (String path : gets) {
            var get = api.get(path, admin);
            var head = api.send(api.request(path, admin).method("HEAD", HttpRequest.BodyPublishers.noBody()));

            assertThat(head.status()).as(path).isEqualTo(get.status());
            assertThat(head.header("Content-Type")).as(path).isEqualTo(get.header("Content-Type"));
            assertThat(head.header("Content-Security-Policy"))
                    .as(path)
                    .isEqualTo(get.header("Content-Security-Policy"));
            if (!path.equals("/metrics")) {
                // a scrape changes the figures it reports, and with them its length
                assertThat(head.header("Content-Length")).as(path).isEqualTo(get.header("Content-Length"));
            }
            assertThat(head.body()).as(path).isEmpty();
        }
    }

    @Test
    void answers_are_never_cached() {
        assertThat(api.get("/api/user/me", admin).header("Cache-Control")).contains("no-store");
        assertThat(api.get("/health", null).header("Cache-Control")).contains("no-store");
    }

    @Test
    void a_request_id_is_echoed_when_sane_and_made_up_otherwise() {
        var echoed = api.send(
                api.request("/health", null).header("X-Request-Id", "abc-123").GET());
        var made = api.get("/health", null);
        var replaced = api.send(api.request("/api/user/me", admin)
                .header("X-Request-Id", "x".repeat(300))
                .GET());

        assertThat(echoed.header("X-Request-Id")).contains("abc-123");
        assertThat(made.header("X-Request-Id"))
                .hasValueSatisfying(id -> assertThat(id).matches("[0-9a-f-]{36}"));
        assertThat(replaced.header("X-Request-Id"))
                .hasValueSatisfying(id -> assertThat(id).hasSize(36));
        assertThat(api.get("/nowhere", null).header("X-Request-Id")).isPresent();
    }

    @Test
    void made_up_request_ids_are_version_4_uuids_that_do_not_repeat() {
        var ids = new java.util.HashSet<String>();
        for (int i = 0; i < 100_000; i++) {
            String id = RequestLog.newId();
            assertThat(java.util.UUID.fromString(id).version()).isEqualTo(4);
            assertThat(java.util.UUID.fromString(id).variant()).isEqualTo(2);
            ids.add(id);
        }
        assertThat(ids).hasSize(100_000);
    }
}
