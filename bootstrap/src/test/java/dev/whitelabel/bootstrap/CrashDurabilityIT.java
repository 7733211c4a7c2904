package dev.whitelabel.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.whitelabel.adapters.persistence.DatabaseSettings;
import dev.whitelabel.adapters.persistence.TestPostgres;
import dev.whitelabel.bootstrap.ShippedJar.Served;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped jar is killed with SIGKILL at random moments while clients create and revoke tokens,
 * then restarted on the same database. Every creation that was answered must still authenticate,
 * and every revocation that was answered must still be refused: nothing lost, nothing resurrected.
 */
class CrashDurabilityIT {

    /** 20 by default. H2 reuses file space only after its 45 s retention, where its 2.5.x bug struck: check an upgrade with 60. */
    static final int CYCLES = Integer.getInteger("crash.cycles", 20);

    /** The webhook receiver is on this machine. */
    static final Map<String, String> ALLOW_PRIVATE = Map.of("WHITELABEL_WEBHOOKS_ALLOW_PRIVATE", "true");

    @TempDir
    Path directory;

    final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    final ObjectMapper json = new ObjectMapper();
    final Random random = new Random();
    final Set<String> created = ConcurrentHashMap.newKeySet();
    final Set<String> revoked = ConcurrentHashMap.newKeySet();
    /** Revocations sent but never answered: they may have landed or not. */
    final Set<String> inFlight = ConcurrentHashMap.newKeySet();
    /** Every token a client asked to revoke, answered or not; and the tokens whose token.revoked events arrived. */
    final Set<Long> attempted = ConcurrentHashMap.newKeySet();

    final Set<Long> announced = ConcurrentHashMap.newKeySet();
    HttpServer receiver;
    final Map<String, String> answeredAt = new ConcurrentHashMap<>();
    volatile int cycleNow;
    String dbUrl;
    String admin;
    long userId;

    @Test
    @EnabledIfEnvironmentVariable(
            named = TestPostgres.URL_VARIABLE,
            matches = ".+",
            disabledReason = "set WHITELABEL_TEST_PG_URL to run")
    void acknowledged_writes_survive_kill_9_on_postgresql() throws Exception {
        try (var schema = TestPostgres.freshSchema()) {
            acknowledgedWritesSurviveKill9(schema.url());
        }
    }

    @Test
    void acknowledged_writes_survive_kill_9_on_embedded_h2() throws Exception {
        acknowledgedWritesSurviveKill9(DatabaseSettings.embeddedH2Url(directory.resolve("whitelabel")));
    }

    private void acknowledgedWritesSurviveKill9(String url) throws Exception {
        dbUrl = url;
        admin = json.readTree(cli("platform", "create", "--name", "Acme", "--admin-email", "admin@acme.test"))
                .get("token")
                .asText();
        receiver = webhookReceiver();
        cli(
                "webhook",
                "create",
                "--platform",
                "1",
                "--url",
                "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks");
        userId = json.readTree(cli("user", "create", "--platform", "1", "--name", "Ann", "--email", "ann@acme.test"))
                .get("id")
                .asLong();
        int lost = 0;
        int resurrected = 0;
        for (int cycle = 0; cycle < CYCLES; cycle++) {
            Served server = start();
            lost += verify(server, cycle == 0 ? Set.of() : created, true);
            resurrected += verify(server, revoked, false);
            var clients = List.of(client(server), client(server));
            cycleNow = cycle;
            Thread.sleep(200 + random.nextInt(1_000));
            System.out.println("kill -9 in cycle " + cycle + " at " + System.nanoTime() / 1_000_000 + " ms");
            server.process().destroyForcibly(); // SIGKILL, mid-request
            assertThat(server.process().waitFor(10, TimeUnit.SECONDS)).isTrue();
            for (var client : clients) {
                client.join();
            }
        }
        Served last = start();
        lost += verify(last, created, true);
        resurrected += verify(last, revoked, false);
        Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
        revoked.forEach(token -> acknowledged.add(Long.parseLong(token.substring(0, token.indexOf('|')))));
        // a delivery claimed by a killed instance is due again when its claim lapses
        long deadline = System.nanoTime() + Duration.ofSeconds(45).toNanos();
        while (!announced.containsAll(acknowledged) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        last.process().destroyForcibly();
        last.process().waitFor();
        receiver.stop(0);
        var missing = new HashSet<>(acknowledged);
        missing.removeAll(announced);
        System.out.printf(
                "webhooks: %d acknowledged revocations, %d announced, %d missing%n",
                acknowledged.size(), announced.size(), missing.size());
        assertThat(missing)
                .as("acknowledged revocations whose event never arrived")
                .isEmpty();
        assertThat(attempted)
                .as("every event is of a revocation that was asked for")
                .containsAll(announced);

        System.out.printf(
                "crash durability: %d kill -9 cycles, %d acknowledged creations, %d acknowledged revocations,"
                        + " %d lost, %d resurrected%n",
                CYCLES, created.size() + revoked.size(), revoked.size(), lost, resurrected);
        // a floor that says the run wrote enough to mean something, low enough for a loaded machine
        assertThat(created.size() + revoked.size())
                .as("writes were acknowledged")
                .isGreaterThan(CYCLES * 5);
        assertThat(revoked).as("revocations were acknowledged").isNotEmpty();
        assertThat(lost).as("acknowledged creations lost").isZero();
        assertThat(resurrected).as("acknowledged revocations undone").isZero();
    }

    /** Counts the tokens that do not answer as expected: live ones that fail, revoked ones that pass. */
    private int verify(Served server, Set<String> tokens, boolean live) throws Exception {
        int wrong = 0;
        for (String token : tokens) {
            int status = me(server, token);
            if (live ? (status != 200 && !revoked.contains(token) && !inFlight.contains(token)) : status != 401) {
                System.out.println((live ? "lost: " : "resurrected: ") + answeredAt.get(token) + ", now " + status);
                wrong++;
            }
        }
        return wrong;
    }

    /** Creates tokens and revokes some of them until the server dies; records only what was answered. */
    private Thread client(Served server) {
        var thread = new Thread(() -> {
            var mine = new ArrayList<String>();
            try {
                while (true) {
                    var answer = post(server, "/api/white-label/token", "{\"user_id\":" + userId + "}");
                    if (answer.statusCode() != 200) {
                        continue;
                    }
                    String token = json.readTree(answer.body()).get("token").asText();
                    created.add(token);
                    answeredAt.put(
                            token,
                            "token " + token.substring(0, token.indexOf('|')) + " created in cycle " + cycleNow + " at "
                                    + System.nanoTime() / 1_000_000 + " ms");
                    mine.add(token);
                    if (mine.size() % 3 == 0) {
                        String victim = mine.remove(random.nextInt(mine.size()));
                        long tokenId = Long.parseLong(victim.substring(0, victim.indexOf('|')));
                        attempted.add(tokenId);
                        inFlight.add(victim);
                        var revocation = post(
                                server,
                                "/api/white-label/logout",
                                "{\"user_id\":" + userId + ",\"token_id\":" + tokenId + "}");
                        if (revocation.statusCode() == 200) {
                            created.remove(victim);
                            revoked.add(victim);
                            answeredAt.put(
                                    victim, answeredAt.get(victim) + ", revoked at " + System.nanoTime() / 1_000_000);
                        }
                        inFlight.remove(victim);
                    }
                }
            } catch (IOException | InterruptedException serverGone) {
                // the kill: whatever was not answered may have landed or not
            }
        });
        thread.start();
        return thread;
    }

    /** Notes the token of every token.revoked event it gets; answers 204. */
    private HttpServer webhookReceiver() throws IOException {
        var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hooks", exchange -> {
            var event = json.readTree(exchange.getRequestBody().readAllBytes());
            if (event.get("type").asText().equals("token.revoked")) {
                announced.add(event.at("/data/token_id").asLong());
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        return server;
    }

    private Served start() throws IOException {
        return ShippedJar.serve(dbUrl, directory.resolve("serve.log"), ALLOW_PRIVATE);
    }

    private HttpResponse<String> post(Served server, String path, String body)
            throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                        .timeout(Duration.ofSeconds(5))
                        .header("Authorization", "Bearer " + admin)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private int me(Served server, String token) throws IOException, InterruptedException {
        return http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/user/me"))
                                .header("Authorization", "Bearer " + token)
                                .build(),
                        HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private String cli(String... args) throws Exception {
        return ShippedJar.run(dbUrl, ALLOW_PRIVATE, args);
    }
}
