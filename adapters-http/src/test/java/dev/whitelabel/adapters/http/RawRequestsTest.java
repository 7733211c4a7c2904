package dev.whitelabel.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Requests no HTTP client library would send, written byte by byte to the socket. */
class RawRequestsTest {

    @RegisterExtension
    final RunningApi running = new RunningApi();

    String adminToken;

    @BeforeEach
    void seed() {
        adminToken = RunningApi.adminToken(running.platform("acme"));
    }

    /** Sends {@code head} (CRLF line ends added) and {@code body}, half-closes, and answers all that comes back. */
    String exchange(String head, String body) throws IOException {
        return RawHttp.exchange(
                running.server.port(),
                (head.replace("\n", "\r\n") + "\r\n" + body).getBytes(StandardCharsets.ISO_8859_1));
    }

    String logoutHead(String extraHeaders) {
        return "POST /api/white-label/logout?secret=hunter2 HTTP/1.1\nHost: localhost\nConnection: close\n"
                + "Authorization: Bearer " + adminToken + "\n" + extraHeaders;
    }

    @Test
    void an_unparseable_request_gets_json_that_does_not_echo_the_uri() throws IOException {
        String answer = exchange(logoutHead("Content-Length: -1\n"), "");

        assertThat(answer).startsWith("HTTP/1.1 400");
        assertThat(answer).contains("application/json").contains("{\"message\":\"Bad request.\"}");
        assertThat(answer).doesNotContain("hunter2").doesNotContain("<html");
    }

    /** curl shows a body as it is: the next prompt starts on a line of its own, after no blank one. */
    @Test
    void every_json_answer_ends_with_exactly_one_newline() throws IOException {
        var answers = Map.of(
                "a route's answer", "GET /health/live HTTP/1.1\nHost: localhost\n",
                "a route's refusal", "GET /api/user/me HTTP/1.1\nHost: localhost\n",
                "no such route", "GET /nowhere HTTP/1.1\nHost: localhost\n",
                "the server's own refusal", "GET /health/live HTTP/1.1\nHost: localhost\nHost: twice\n");
        for (var request : answers.entrySet()) {
            String answer = exchange(request.getValue() + "Connection: close\n", "");

            assertThat(answer)
                    .as(request.getKey())
                    .contains("Content-Type: application/json")
                    .endsWith("}\n")
                    .doesNotEndWith("\n\n");
        }
    }

    /** Refusals Jetty makes before any route: a bad request line, a URI or headers too large, an unknown HTTP version. */
    @Test
    void the_servers_own_refusals_carry_the_security_headers_a_request_id_and_one_log_line_without_the_request()
            throws IOException {
        String marker = "hunter2";
        var refusals = Map.of(
                "GET /\u0001" + marker + " HTTP/1.1\nHost: localhost\n", "HTTP/1.1 400",
                "GET /" + marker + "x".repeat(20_000) + " HTTP/1.1\nHost: localhost\n", "HTTP/1.1 414",
                "GET /health/live HTTP/1.1\nHost: localhost\nX-" + marker + ": " + "x".repeat(20_000) + "\n",
                        "HTTP/1.1 431",
                "GET /health/live HTTP/7.1\nHost: localhost\nX-Note: " + marker + "\n", "HTTP/1.1 505",
                "GET /health/live HTTP/1.1\nHost: " + marker + " x\n", "HTTP/1.1 400",
                "GET /health/live HTTP/1.1\nHost: localhost\nHost: " + marker + "\n", "HTTP/1.1 400",
                "OPTIONS * HTTP/1.1\nHost: localhost\nX-Note: " + marker + "\n", "HTTP/1.1 404");
        for (var refusal : refusals.entrySet()) {
            try (var logs = new CapturedLogs()) {
                String answer = exchange(refusal.getKey() + "Connection: close\n", "");

                assertThat(answer)
                        .as(refusal.getValue())
                        .startsWith(refusal.getValue())
                        .contains("Content-Type: application/json")
                        .contains("X-Request-Id: ")
                        .contains("Content-Security-Policy: " + SecurityHeaders.CONTENT_SECURITY_POLICY)
                        .contains("X-Content-Type-Options: nosniff")
                        .contains("X-Frame-Options: DENY")
                        .contains("Referrer-Policy: no-referrer")
                        .contains("Cache-Control: no-store")
                        .doesNotContain(marker);
                String status = refusal.getValue().substring(9);
                // that no other line quotes the request is LogSecretsTest's to show, under the shipped logging
                assertThat(logs.lines("whitelabel.access")).as(status).containsExactly("- refused " + status + " 0ms");
            }
        }
    }

    /** What no HTTP client library sends: a bad escape and raw bytes beyond ASCII in a query string. */
    @Test
    void a_query_string_that_is_not_percent_encoded_utf8_is_a_400() throws IOException {
        for (String query : new String[] {"search=%Z1", "search=ann%4", "search=\u00e9", "search=%C3"}) {
            String answer = exchange(
                    "GET /api/white-label/users?" + query + " HTTP/1.1\nHost: localhost\nConnection: close\n"
                            + "Authorization: Bearer " + adminToken + "\n",
                    "");

            assertThat(answer).as(query).startsWith("HTTP/1.1 400").contains("{\"message\":\"Bad request.\"}");
        }
        assertThat(exchange(
                        "GET /api/white-label/users?search=%C3%A9 HTTP/1.1\nHost: localhost\nConnection: close\n"
                                + "Authorization: Bearer " + adminToken + "\n",
                        ""))
                .startsWith("HTTP/1.1 200");
    }

    @Test
    void a_truncated_body_is_a_400_not_a_server_error() throws IOException {
        String answer = exchange(logoutHead("Content-Type: application/json\nContent-Length: 100\n"), "{\"user_id\":");

        assertThat(answer).startsWith("HTTP/1.1 400");
        assertThat(answer).contains("{\"message\":\"Malformed request body.\"}");
    }

    @Test
    void a_badly_chunked_body_is_a_400_not_a_server_error() throws IOException {
        String answer =
                exchange(logoutHead("Content-Type: application/json\nTransfer-Encoding: chunked\n"), "ZZ\r\n{}\r\n");

        assertThat(answer).startsWith("HTTP/1.1 400");
        assertThat(answer).doesNotContain("Server error");
    }

    @Test
    void a_chunked_body_over_the_limit_is_a_413() throws IOException {
        String chunk = "x".repeat(32 * 1024);
        String size = Integer.toHexString(chunk.length());
        String body = (size + "\r\n" + chunk + "\r\n").repeat(3) + "0\r\n\r\n";

        String answer = exchange(logoutHead("Content-Type: application/json\nTransfer-Encoding: chunked\n"), body);

        assertThat(answer).startsWith("HTTP/1.1 413");
    }

    @Test
    void repeated_or_odd_form_keys_are_never_a_server_error() throws IOException {
        for (String form : new String[] {"=&=&=", "&&&user_id=3&&", "user_id=3&/token_id=1&/token_id=2&/token_id=3"}) {
            var answer =
                    running.api.post("/api/white-label/logout", adminToken, "application/x-www-form-urlencoded", form);
            assertThat(answer.status()).as(form).isBetween(400, 499);
            assertThat(answer.body()).as(form).doesNotContain("token id");
        }
    }

    @Test
    void another_scheme_is_challenged_without_an_error_code() {
        var answer = running.api.send(running.api
                .request("/api/user/me", null)
                .header("Authorization", "Basic YTpi")
                .GET());

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.header("WWW-Authenticate")).contains("Bearer realm=\"whitelabel\"");
    }

    @Test
    void two_authorization_headers_are_refused_as_an_invalid_request() {
        var answer = running.api.send(running.api
                .request("/api/user/me", adminToken)
                .header("Authorization", "Bearer " + adminToken)
                .GET());

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.header("WWW-Authenticate"))
                .contains("Bearer realm=\"whitelabel\", error=\"invalid_request\"");
        assertThat(answer.body()).isEqualTo("{\"message\":\"Send the token in one Authorization header only.\"}\n");
    }

    @Test
    void a_token_in_the_query_string_besides_the_header_is_refused() {
        var answer = running.api.get("/api/user/me?access_token=" + adminToken.replace("|", "%7C"), adminToken);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).doesNotContain(adminToken);
    }

    @Test
    void a_token_in_the_query_string_alone_is_no_token_at_all() {
        var answer = running.api.get("/api/user/me?access_token=" + adminToken.replace("|", "%7C"), null);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.header("WWW-Authenticate")).contains("Bearer realm=\"whitelabel\"");
        assertThat(answer.body()).isEqualTo("{\"message\":\"Unauthenticated.\"}\n");
    }

    @Test
    void a_token_outside_the_b64token_syntax_is_an_invalid_token() {
        for (String token : new String[] {"1|abc\"def", "1|abc,def", "1|abc def", "\u00e9t\u00e9"}) {
            var answer = running.api.send(running.api
                    .request("/api/user/me", null)
                    .header("Authorization", "Bearer " + token)
                    .GET());
            assertThat(answer.status()).as(token).isEqualTo(401);
            assertThat(answer.header("WWW-Authenticate"))
                    .as(token)
                    .hasValueSatisfying(challenge -> assertThat(challenge).contains("error=\"invalid_token\""));
        }
    }
}
