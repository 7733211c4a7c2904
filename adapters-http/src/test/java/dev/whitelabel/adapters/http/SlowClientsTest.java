package dev.whitelabel.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A bounded slow-body attack from the test itself: ten times as many connections as the server has
 * threads send the headers of a POST, then its body a byte at a time, while another client's health
 * checks and authenticated requests must keep answering within a second.
 */
class SlowClientsTest {

    static final int THREADS = HttpSettings.MIN_THREADS;
    static final int SLOW_CLIENTS = 10 * THREADS;
    static final Duration BODY_TIMEOUT = Duration.ofSeconds(3);
    static final Duration ATTACK = BODY_TIMEOUT.multipliedBy(2);
    static final Duration QUICK = Duration.ofSeconds(1);

    static final int LARGEST_BODY = (int) HttpSettings.DEFAULT_MAX_BODY_BYTES;
    /** Room for two bodies of the largest size, kept at once. */
    static final long BUDGET = 2 * (LARGEST_BODY + 1L);

    @RegisterExtension
    final RunningApi running = new RunningApi(
            new HttpSettings(LARGEST_BODY, BODY_TIMEOUT, BUDGET, THREADS, Duration.ZERO, Optional.empty()),
            RunningApi.Store.MEMORY);

    final List<Socket> attackers = new ArrayList<>();
    String userToken;

    @BeforeEach
    void seed() {
        userToken = running.token(running.user(running.platform("acme"), "ann@acme.test"));
    }

    @AfterEach
    void closeAttackers() throws IOException {
        for (Socket socket : attackers) {
            socket.close();
        }
    }

    /** Opens a connection that sends the head of a 100-byte POST and nothing more, yet. */
    Socket slowClient(boolean chunked) throws IOException {
        return slowClient(chunked ? "Transfer-Encoding: chunked" : "Content-Length: 100", userToken);
    }

    Socket slowClient(String framing, String token) throws IOException {
        var socket = new Socket("127.0.0.1", running.server.port());
        socket.getOutputStream()
                .write(("POST /api/user/logout HTTP/1.1\r\nHost: localhost\r\n" + "Authorization: Bearer " + token
                                + "\r\nContent-Type: application/json\r\n" + framing + "\r\n\r\n")
                        .getBytes(StandardCharsets.ISO_8859_1));
        attackers.add(socket);
        return socket;
    }

    /** A connection that sends all of a body of the largest size but its last byte. */
    Socket almostWholeBody(String token) throws IOException {
        Socket socket = slowClient("Content-Length: " + LARGEST_BODY, token);
        socket.getOutputStream()
                .write(("{\"all\":false}" + " ".repeat(LARGEST_BODY - 14))
                        .substring(0, LARGEST_BODY - 1)
                        .getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
        return socket;
    }

    @Test
    void bodies_kept_at_once_stay_within_their_budget_and_past_it_the_answer_is_a_503_at_once() throws Exception {
        Socket first = almostWholeBody(userToken);
        Socket second = almostWholeBody(userToken);
        Thread.sleep(500);

        Socket third = almostWholeBody(userToken);
        third.setSoTimeout((int) QUICK.toMillis());
        String refused = new String(third.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);

        assertThat(refused)
                .startsWith("HTTP/1.1 503")
                .contains("Retry-After: 1")
                .contains("Connection: close")
                .contains("X-Request-Id: ");
        first.close();
        second.close();
        String other = running.globexUsersToken();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        String answer;
        do {
            Socket whole = almostWholeBody(other);
            whole.getOutputStream().write(' ');
            whole.setSoTimeout(5_000);
            answer = new String(whole.getInputStream().readNBytes(12), StandardCharsets.ISO_8859_1);
        } while (!answer.equals("HTTP/1.1 200") && System.nanoTime() < deadline);
        assertThat(answer)
                .as("the budget is freed when the bodies' requests end")
                .isEqualTo("HTTP/1.1 200");
    }

    @Test
    void slow_bodies_never_take_the_server_from_other_clients() throws Exception {
        List<Socket> slow = new ArrayList<>();
        for (int i = 0; i < SLOW_CLIENTS; i++) {
            slow.add(slowClient(i % 2 == 0));
        }
        Duration slowest = slowestAnswer(List.of("/health/live", "/api/user/me"), () -> {
            // every attacker trickles one more byte; one whose connection was closed comes back
            for (int i = 0; i < slow.size(); i++) {
                try {
                    OutputStream out = slow.get(i).getOutputStream();
                    out.write(i % 2 == 0 ? "1\r\n \r\n".getBytes(StandardCharsets.ISO_8859_1) : new byte[] {' '});
                    out.flush();
                } catch (IOException closedByTheServer) {
                    slow.set(i, slowClient(i % 2 == 0));
                }
            }
        });

        assertThat(slowest).isLessThan(QUICK);
    }

    /** One step of an attack, taken before every round of probes. */
    interface Pressure {
        void step() throws IOException;
    }

    /** Probes {@code paths} as another client every 200 ms for the length of the attack; answers the slowest answer. */
    Duration slowestAnswer(List<String> paths, Pressure pressure) throws Exception {
        var http = HttpClient.newHttpClient();
        long slowest = 0;
        int probes = 0;
        long end = System.nanoTime() + ATTACK.toNanos();
        while (System.nanoTime() < end) {
            pressure.step();
            for (String path : paths) {
                long started = System.nanoTime();
                var answer = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + running.server.port() + path))
                                .header("Authorization", "Bearer " + userToken)
                                .timeout(QUICK)
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(answer.statusCode()).as(path).isEqualTo(200);
                slowest = Math.max(slowest, System.nanoTime() - started);
                probes++;
            }
            Thread.sleep(200);
        }
        assertThat(probes).as("probes answered").isGreaterThan(20);
        return Duration.ofNanos(slowest);
    }

    /** The other half: clients that ask for the largest file there is and never read a byte of it. */
    @Test
    void readers_that_never_read_never_take_the_server_from_other_clients() throws Exception {
        for (int i = 0; i < SLOW_CLIENTS; i++) {
            var socket = new Socket();
            socket.setReceiveBufferSize(2048);
            socket.connect(new InetSocketAddress("127.0.0.1", running.server.port()));
            attackers.add(socket);
            String get = "GET /docs/ui/swagger-ui-bundle.js HTTP/1.1\r\nHost: localhost\r\n\r\n";
            socket.getOutputStream().write(get.repeat(4).getBytes(StandardCharsets.ISO_8859_1));
        }
        Duration slowest = slowestAnswer(List.of("/health/live", "/api/user/me", "/console/console.js"), () -> {});

        assertThat(slowest).isLessThan(QUICK);
    }

    @Test
    void a_body_still_incomplete_at_the_deadline_is_a_408_and_the_connection_closes() throws IOException {
        Socket socket = slowClient(false);
        socket.getOutputStream().write("{\"all\":".getBytes(StandardCharsets.ISO_8859_1));
        socket.setSoTimeout((int) BODY_TIMEOUT.multipliedBy(3).toMillis());
        long started = System.nanoTime();

        String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);

        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .isBetween(BODY_TIMEOUT.minusMillis(500), BODY_TIMEOUT.multipliedBy(2));
        assertThat(answer)
                .startsWith("HTTP/1.1 408")
                .contains("Connection: close")
                .contains("Content-Type: application/json")
                .contains("X-Request-Id: ")
                .contains("Content-Security-Policy: ")
                .contains("Cache-Control: no-store")
                .endsWith("{\"message\":\"Request timeout: the body did not arrive in time.\"}\n");
        assertThat(running.me(userToken))
                .as("the withheld logout did not happen")
                .isEqualTo(200);
    }

    @Test
    void a_body_without_credentials_is_never_waited_for_nor_asked_for() throws IOException {
        try (var socket = new Socket("127.0.0.1", running.server.port())) {
            socket.getOutputStream()
                    .write(("POST /api/user/logout HTTP/1.1\r\nHost: localhost\r\nExpect: 100-continue\r\n"
                                    + "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n")
                            .getBytes(StandardCharsets.ISO_8859_1));
            socket.setSoTimeout((int) QUICK.toMillis());

            String answer = new String(socket.getInputStream().readNBytes(12), StandardCharsets.ISO_8859_1);

            assertThat(answer).isEqualTo("HTTP/1.1 401");
        }
    }

    @Test
    void the_408_has_the_same_shape_whatever_the_method() throws IOException {
        try (var socket = new Socket("127.0.0.1", running.server.port())) {
            socket.getOutputStream()
                    .write(("DELETE /api/user/api-keys/1 HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                                    + userToken + "\r\nContent-Length: 10\r\n\r\n{")
                            .getBytes(StandardCharsets.ISO_8859_1));
            socket.setSoTimeout((int) BODY_TIMEOUT.multipliedBy(3).toMillis());

            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);

            assertThat(answer)
                    .startsWith("HTTP/1.1 408")
                    .contains("Content-Security-Policy: ")
                    .contains("X-Request-Id: ")
                    .endsWith("{\"message\":\"Request timeout: the body did not arrive in time.\"}\n");
        }
    }

    @Test
    void a_body_that_arrives_slowly_but_in_time_is_served() throws Exception {
        Socket socket = slowClient(false);
        String body = "{\"all\":true}" + " ".repeat(88);
        for (int i = 0; i < body.length(); i += 25) {
            socket.getOutputStream().write(body.substring(i, i + 25).getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            Thread.sleep(300);
        }
        socket.setSoTimeout(5_000);
        byte[] head = socket.getInputStream().readNBytes(12);

        assertThat(new String(head, StandardCharsets.ISO_8859_1)).isEqualTo("HTTP/1.1 200");
        assertThat(running.me(userToken)).isEqualTo(401);
    }
}
