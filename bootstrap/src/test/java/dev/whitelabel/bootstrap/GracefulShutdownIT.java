package dev.whitelabel.bootstrap;

import static java.net.http.HttpResponse.BodyHandlers.ofString;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.whitelabel.adapters.persistence.DatabaseSettings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM or SIGINT while requests are in flight: /ready answers 503 for the drain, they all finish, the
 * process exits 0, and nothing leaks to the log.
 */
class GracefulShutdownIT {

    @TempDir
    Path directory;

    @Test
    void sigterm_lets_requests_in_flight_finish_and_exits_0() throws Exception {
        var served = serveWithAnn();
        var server = served.process();

        var inFlight = served.logins(8);
        server.destroy(); // SIGTERM

        for (var request : inFlight) {
            var answer = request.get(20, TimeUnit.SECONDS);
            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(answer.body()).contains("Login successful.");
        }
        assertThat(server.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(server.exitValue()).isZero();
        String logged = Files.readString(served.log());
        assertThat(logged).contains("stopped").doesNotContain(served.admin()).doesNotContain("correct horse");
        assertThat(logged)
                .as("the database in use, said at start")
                .contains("database: " + directory.resolve("whitelabel.mv.db").toAbsolutePath());
        String afterSignal = logged.substring(logged.indexOf("stopping"));
        assertThat(afterSignal)
                .as("logins answered after the signal arrived")
                .contains("POST /api/white-label/login 200");
    }

    /**
     * SIGINT (Ctrl-C), as SIGTERM: for the drain, /ready answers 503 while the logins in flight, and a
     * request arriving meanwhile on a new connection, are answered; then the connectors close and the
     * process exits 0.
     */
    @Test
    void sigint_answers_ready_503_for_the_drain_while_requests_are_still_answered_then_exits_0() throws Exception {
        long drainMillis = 5_000;
        // a shell without job control starts its background commands with SIGINT ignored, and so their children
        Assumptions.assumeFalse(sigintIgnored(), "SIGINT is ignored in this process, hence in the server it starts");
        var served = serveWithAnn("--drain-ms", String.valueOf(drainMillis));
        var server = served.process();
        var http = HttpClient.newHttpClient();
        int port = served.port();
        assertThat(get(http, port, "/ready").statusCode()).isEqualTo(200);

        var inFlight = served.logins(8);
        long signalled = System.nanoTime();
        assertThat(new ProcessBuilder("kill", "-INT", String.valueOf(server.pid()))
                        .start()
                        .waitFor())
                .isZero();

        int ready = 200;
        while (ready == 200 && System.nanoTime() - signalled < TimeUnit.SECONDS.toNanos(2)) {
            ready = get(http, port, "/ready").statusCode();
        }
        assertThat(ready).as("/ready during the drain").isEqualTo(503);
        assertThat(get(HttpClient.newHttpClient(), port, "/health/live").statusCode())
                .as("a request on a new connection during the drain")
                .isEqualTo(200);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - signalled))
                .as("still draining")
                .isLessThan(drainMillis);
        for (var request : inFlight) {
            assertThat(request.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        }
        assertThat(server.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - signalled))
                .as("stopped after the drain")
                .isGreaterThanOrEqualTo(drainMillis);
        assertThat(server.exitValue()).isZero();
        assertThat(Files.readString(served.log()))
                .contains("stopping: /ready answers 503 for " + drainMillis + " ms")
                .contains("stopped");
    }

    /**
     * SIGTERM while a webhook attempt waits on a receiver that never answers: the dispatcher claims
     * nothing more, waits for the attempt up to its deadline, and the process exits 0 within the
     * drain and that deadline; the delivery is neither delivered nor given up, so it is tried again.
     */
    @Test
    void sigterm_waits_for_a_webhook_attempt_up_to_its_deadline_then_exits_and_the_delivery_is_kept() throws Exception {
        try (var silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            var connected = new CompletableFuture<Socket>();
            var accepting = new Thread(() -> {
                try {
                    connected.complete(silent.accept());
                } catch (IOException e) {
                    connected.completeExceptionally(e);
                }
            });
            accepting.setDaemon(true);
            accepting.start();
            var served = serveWithAnn(
                    Map.of("WHITELABEL_WEBHOOKS_ALLOW_PRIVATE", "true", "WHITELABEL_WEBHOOK_TIMEOUT_SECONDS", "3"),
                    "--drain-ms",
                    "500");
            String hook = "{\"url\":\"http://127.0.0.1:" + silent.getLocalPort() + "/hooks\"}";
            var created = served.http()
                    .send(post(served.port(), served.admin(), "/api/white-label/webhooks", hook), ofString());
            assertThat(created.statusCode()).isEqualTo(201);
            long endpoint = new ObjectMapper()
                    .readTree(created.body())
                    .at("/webhook/id")
                    .asLong();
            var logout = served.http()
                    .send(
                            post(
                                    served.port(),
                                    served.admin(),
                                    "/api/white-label/logout",
                                    "{\"email\":\"ann@acme.test\"}"),
                            ofString());
            assertThat(logout.statusCode()).isEqualTo(200);
            connected.get(10, TimeUnit.SECONDS);

            long signalled = System.nanoTime();
            served.process().destroy(); // SIGTERM
            assertThat(served.process().waitFor(20, TimeUnit.SECONDS)).isTrue();
            long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - signalled);

            assertThat(served.process().exitValue()).isZero();
            assertThat(took)
                    .as("the drain, then the attempt's deadline at most")
                    .isLessThan(500 + 3_000 + 2_000);
            try (var db = DriverManager.getConnection(served.dbUrl());
                    var row = db.createStatement()
                            .executeQuery("select delivered_at, failed_at, next_attempt_at from webhook_deliveries"
                                    + " where endpoint_id = " + endpoint)) {
                assertThat(row.next()).isTrue();
                assertThat(row.getObject("delivered_at")).isNull();
                assertThat(row.getObject("failed_at")).isNull();
                assertThat(row.getObject("next_attempt_at"))
                        .as("to be tried again")
                        .isNotNull();
            }
        }
    }

    private Served serveWithAnn(String... serveOptions) throws Exception {
        return serveWithAnn(Map.of(), serveOptions);
    }

    /**
     * A platform with Ann, served by the jar on a free port with {@code serveOptions} and {@code environment}
     * added to this one's; the log goes to a file.
     */
    private Served serveWithAnn(Map<String, String> environment, String... serveOptions) throws Exception {
        String dbUrl = DatabaseSettings.embeddedH2Url(directory.resolve("whitelabel"));
        var json = new ObjectMapper();
        String admin = json.readTree(ShippedJar.run(
                        dbUrl, Map.of(), "platform", "create", "--name", "Acme", "--admin-email", "admin@acme.test"))
                .get("token")
                .asText();
        Path log = directory.resolve("serve.log");
        var server = ShippedJar.serve(dbUrl, log, environment, serveOptions);
        var served = new Served(server.process(), server.port(), admin, log, dbUrl);
        String register = "{\"name\":\"Ann\",\"email\":\"ann@acme.test\",\"password\":\"correct horse battery\"}";
        served.http()
                .send(
                        post(served.port(), admin, "/api/white-label/register", register),
                        HttpResponse.BodyHandlers.ofString());
        return served;
    }

    record Served(Process process, int port, String admin, Path log, String dbUrl, HttpClient http) {
        Served(Process process, int port, String admin, Path log, String dbUrl) {
            this(process, port, admin, log, dbUrl, HttpClient.newHttpClient());
        }

        /**
         * Ann's logins, sent at once: each checks a BCrypt hash (tens of ms), so eight of them on two cores
         * are still running 60 ms later, when this returns.
         */
        List<CompletableFuture<HttpResponse<String>>> logins(int count) throws InterruptedException {
            String login = "{\"email\":\"ann@acme.test\",\"password\":\"correct horse battery\"}";
            List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                inFlight.add(http.sendAsync(
                        post(port, admin, "/api/white-label/login", login), HttpResponse.BodyHandlers.ofString()));
            }
            Thread.sleep(60);
            return inFlight;
        }
    }

    /** Linux: bit 2 of the ignored signals' mask in /proc/self/status; elsewhere, assumed not. */
    private static boolean sigintIgnored() throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return false;
        }
        return Files.readAllLines(status).stream()
                .filter(line -> line.startsWith("SigIgn:"))
                .anyMatch(line -> (Long.parseUnsignedLong(
                                        line.substring("SigIgn:".length()).strip(), 16)
                                & 0x2)
                        != 0);
    }

    private static HttpResponse<String> get(HttpClient http, int port, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest post(int port, String token, String path, String body) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }
}
