package dev.whitelabel.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.whitelabel.adapters.persistence.TestPostgres;
import dev.whitelabel.bootstrap.ShippedJar.Served;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances of the shipped jar on one PostgreSQL, one of them killed with SIGKILL while its webhook
 * attempts are in flight. Logouts of one token each go to both, then to the survivor alone; a receiver
 * checks every request's Standard Webhooks signature and deduplicates by {@code webhook-id}. Every
 * acknowledged logout's event arrives and its delivery ends delivered; after deduplication each event
 * arrived once; a duplicate is only ever of a delivery the killed instance held when it died, sent again
 * by the survivor once the claim lapsed.
 */
@EnabledIfEnvironmentVariable(
        named = TestPostgres.URL_VARIABLE,
        matches = ".+",
        disabledReason = "set WHITELABEL_TEST_PG_URL (e.g. jdbc:postgresql://127.0.0.1:5432/test?user=postgres) to"
                + " run: the two instances share one PostgreSQL")
class WebhookKill9IT {

    /** Receivers on this machine; a 1 s attempt deadline, so that a claim lasts 4 × 1 s + 5 s = 9 s. */
    static final Map<String, String> ENVIRONMENT = Map.of(
            "WHITELABEL_WEBHOOKS_ALLOW_PRIVATE", "true",
            "WHITELABEL_WEBHOOK_TIMEOUT_SECONDS", "1");

    static final Duration BEFORE_KILL = Duration.ofSeconds(3);
    static final Duration AFTER_KILL = Duration.ofSeconds(2);
    static final Duration DRAIN = Duration.ofSeconds(45);
    static final int CLIENTS_PER_INSTANCE = 2;

    @TempDir
    Path directory;

    final TestDatabases databases = new TestDatabases();
    final ObjectMapper json = new ObjectMapper();
    final DedupingReceiver receiver = new DedupingReceiver();
    final List<Process> processes = new ArrayList<>();
    final List<Thread> clients = new ArrayList<>();
    /** The tokens a logout was sent for, answered or not. */
    final Set<Long> asked = ConcurrentHashMap.newKeySet();
    /** The tokens whose logout was answered 2xx, by either instance. */
    final Set<Long> acknowledged = ConcurrentHashMap.newKeySet();

    final AtomicInteger acknowledgedByKilled = new AtomicInteger();
    /** What went wrong with a request other than the kill. */
    final List<String> failures = Collections.synchronizedList(new ArrayList<>());

    volatile boolean killing;
    volatile boolean stopping;
    String admin;
    long userId;

    @AfterEach
    void close() throws Exception {
        stopping = true;
        for (Thread client : clients) {
            client.join(15_000);
        }
        for (Process process : processes) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        receiver.stop();
        databases.close();
    }

    @Test
    void two_instances_deliver_every_acknowledged_logouts_event_exactly_once_after_dedup_when_one_is_killed_9()
            throws Exception {
        long began = System.nanoTime();
        String url = databases.url("postgresql", directory);
        receiver.start();
        admin = json.readTree(ShippedJar.run(
                        url, Map.of(), "platform", "create", "--name", "Acme", "--admin-email", "admin@acme.test"))
                .get("token")
                .asText();
        List<Served> two = serveTwo(url);
        Served killed = two.get(0);
        Served survivor = two.get(1);
        HttpClient toKilled = client();
        HttpClient toSurvivor = client();
        var created = send(toKilled, killed, "/api/white-label/webhooks", "{\"url\":\"" + receiver.url() + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        receiver.secret = json.readTree(created.body()).at("/webhook/secret").asText();
        long endpointId = json.readTree(created.body()).at("/webhook/id").asLong();
        var registered = send(
                toSurvivor,
                survivor,
                "/api/white-label/register",
                "{\"name\":\"Ann\",\"email\":\"ann@acme.test\",\"password\":\"correct horse battery\"}");
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        userId = json.readTree(registered.body()).at("/user/id").asLong();
        long setUp = System.nanoTime();

        for (int i = 0; i < CLIENTS_PER_INSTANCE; i++) {
            clients.add(logouts(toKilled, killed, true));
            clients.add(logouts(toSurvivor, survivor, false));
        }
        Thread.sleep(BEFORE_KILL.toMillis());
        double heldAtKill = killWhileItHolds(toKilled, killed);
        long dead = System.nanoTime();
        int acknowledgedBeforeKill = acknowledged.size();
        Map<Long, Instant> leasedAtKill = leased(url);
        Thread.sleep(AFTER_KILL.toMillis());
        stopping = true;
        for (Thread client : clients) {
            client.join(15_000);
        }
        long until = System.nanoTime() + DRAIN.toNanos();
        while (System.nanoTime() < until && !(receiver.tokens().containsAll(acknowledged) && undelivered(url) == 0)) {
            Thread.sleep(100);
        }
        long drained = System.nanoTime();

        Map<Long, Delivery> deliveries = deliveries(url, endpointId);
        Map<Long, List<String>> webhookIdsOfToken = new HashMap<>();
        receiver.byWebhookId.forEach((id, event) -> webhookIdsOfToken
                .computeIfAbsent(event.tokenId(), token -> new ArrayList<>())
                .add(id));
        Set<Long> reclaimed = new TreeSet<>();
        leasedAtKill.forEach((auditEventId, lease) -> {
            Delivery delivery = deliveries.values().stream()
                    .filter(row -> row.auditEventId() == auditEventId)
                    .findFirst()
                    .orElseThrow();
            if (delivery.deliveredAt() != null && !delivery.deliveredAt().isBefore(lease)) {
                reclaimed.add(auditEventId);
            }
        });
        List<DedupingReceiver.Event> duplicated = receiver.byWebhookId.values().stream()
                .filter(event -> event.arrivals().size() > 1)
                .toList();
        int duplicates = duplicated.stream()
                .mapToInt(event -> event.arrivals().size() - 1)
                .sum();
        int arrivals = receiver.byWebhookId.values().stream()
                .mapToInt(event -> event.arrivals().size())
                .sum();
        System.out.printf(
                "kill -9 of one of two instances: %d logouts sent, %d acknowledged (%d before the kill, %d of them by"
                        + " the killed instance);"
                        + " %d requests received, %d events after dedup, %d duplicates (of %d deliveries the killed"
                        + " instance held and that were sent again after their claim lapsed; its /metrics said it held %.0f"
                        + " as it was killed; %d claimed by either at the kill); the last delivery recorded"
                        + " %d ms after the kill; set-up %d ms, whole test %d ms%n",
                asked.size(),
                acknowledged.size(),
                acknowledgedBeforeKill,
                acknowledgedByKilled.get(),
                arrivals,
                receiver.byWebhookId.size(),
                duplicates,
                reclaimed.size(),
                heldAtKill,
                leasedAtKill.size(),
                lastDelivered(deliveries).toEpochMilli() - killedAt(dead),
                TimeUnit.NANOSECONDS.toMillis(setUp - began),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began));

        assertThat(receiver.refused).as("requests that failed verification").isEmpty();
        assertThat(failures).as("requests that failed other than by the kill").isEmpty();
        assertThat(acknowledgedByKilled.get())
                .as("logouts the killed instance acknowledged")
                .isPositive();
        assertThat(acknowledged.size() - acknowledgedByKilled.get())
                .as("logouts the survivor acknowledged")
                .isPositive();
        Set<Long> missing = new TreeSet<>(acknowledged);
        missing.removeAll(receiver.tokens());
        assertThat(missing)
                .as(
                        "acknowledged logouts whose event never arrived; their deliveries: %s",
                        missingRows(deliveries, missing))
                .isEmpty();
        assertThat(asked).as("every event is of a logout that was sent").containsAll(receiver.tokens());
        assertThat(webhookIdsOfToken)
                .as("each event has one webhook-id, the same on every copy, so deduplication leaves it once")
                .allSatisfy((token, ids) -> assertThat(ids).hasSize(1));

        assertThat(deliveries.keySet())
                .as("every acknowledged logout has its delivery")
                .containsAll(acknowledged);
        assertThat(deliveries.values())
                .as("every delivery ended delivered: the acknowledged logouts' and those that committed as the"
                        + " instance died")
                .allSatisfy(delivery -> {
                    assertThat(delivery.attempts()).isGreaterThanOrEqualTo(1);
                    assertThat(delivery.deliveredAt()).isNotNull();
                    assertThat(delivery.lastStatus()).isEqualTo(204);
                });
        assertThat(receiver.tokens()).as("every delivery's event arrived").containsAll(deliveries.keySet());
        assertThat(drained).as("all delivered within %s", DRAIN).isLessThan(until);

        assertThat(reclaimed)
                .as("the kill caught deliveries the killed instance held, sent by the survivor once the claims lapsed")
                .isNotEmpty();
        assertThat(duplicated)
                .as("a duplicate is only of a delivery the killed instance held at the kill, first sent before it"
                        + " died, then once by the survivor after its claim lapsed")
                .allSatisfy(event -> {
                    assertThat(event.arrivals()).hasSize(2);
                    assertThat(Collections.min(event.arrivals())).isLessThanOrEqualTo(dead);
                    assertThat(reclaimed).contains(event.auditEventId());
                });
        assertThat(duplicates).isLessThanOrEqualTo(reclaimed.size());
    }

    /** A delivery row as the database has it in the end. */
    record Delivery(long auditEventId, int attempts, Integer lastStatus, Instant deliveredAt, String lastError) {}

    /** The endpoint's deliveries, by the token their logout revoked. */
    Map<Long, Delivery> deliveries(String url, long endpointId) throws SQLException {
        Map<Long, Delivery> rows = new HashMap<>();
        try (var db = DriverManager.getConnection(url);
                var query = db.prepareStatement(
                        "select a.token_id, d.audit_event_id, d.attempts, d.last_status, d.delivered_at, d.last_error"
                                + " from webhook_deliveries d join audit_events a on a.id = d.audit_event_id"
                                + " where d.endpoint_id = ?")) {
            query.setLong(1, endpointId);
            try (var row = query.executeQuery()) {
                while (row.next()) {
                    var delivered = row.getObject("delivered_at", OffsetDateTime.class);
                    rows.put(
                            row.getLong("token_id"),
                            new Delivery(
                                    row.getLong("audit_event_id"),
                                    row.getInt("attempts"),
                                    (Integer) row.getObject("last_status"),
                                    delivered == null ? null : delivered.toInstant(),
                                    row.getString("last_error")));
                }
            }
        }
        return rows;
    }

    /** Deliveries claimed and not yet recorded, by either instance: their audit event, and when the claim lapses. */
    static Map<Long, Instant> leased(String url) throws SQLException {
        Map<Long, Instant> leased = new HashMap<>();
        try (var db = DriverManager.getConnection(url);
                var row = db.createStatement()
                        .executeQuery("select audit_event_id, next_attempt_at from webhook_deliveries"
                                + " where delivered_at is null and failed_at is null and next_attempt_at > now()")) {
            while (row.next()) {
                leased.put(
                        row.getLong(1), row.getObject(2, OffsetDateTime.class).toInstant());
            }
        }
        return leased;
    }

    static int undelivered(String url) throws SQLException {
        try (var db = DriverManager.getConnection(url);
                var row = db.createStatement()
                        .executeQuery("select count(*) from webhook_deliveries where delivered_at is null")) {
            row.next();
            return row.getInt(1);
        }
    }

    static Instant lastDelivered(Map<Long, Delivery> deliveries) {
        return deliveries.values().stream()
                .map(Delivery::deliveredAt)
                .filter(Objects::nonNull)
                .max(Instant::compareTo)
                .orElse(Instant.EPOCH);
    }

    /** The wall-clock time, in epoch milliseconds, of a {@link System#nanoTime} reading taken a moment ago. */
    static long killedAt(long nanoTime) {
        return System.currentTimeMillis() - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanoTime);
    }

    static Map<Long, Delivery> missingRows(Map<Long, Delivery> deliveries, Set<Long> missing) {
        Map<Long, Delivery> rows = new HashMap<>();
        missing.forEach(token -> rows.put(token, deliveries.get(token)));
        return rows;
    }

    /** Both servers, started at once. */
    List<Served> serveTwo(String url) throws Exception {
        var starting = Executors.newFixedThreadPool(2);
        try {
            var futures = List.of(
                    starting.submit(() -> ShippedJar.serve(url, directory.resolve("killed.log"), ENVIRONMENT)),
                    starting.submit(() -> ShippedJar.serve(url, directory.resolve("survivor.log"), ENVIRONMENT)));
            List<Served> served = new ArrayList<>();
            Exception failed = null;
            for (var future : futures) {
                try {
                    Served one = future.get(60, TimeUnit.SECONDS);
                    processes.add(one.process());
                    served.add(one);
                } catch (ExecutionException e) {
                    failed = e;
                }
            }
            if (failed != null) {
                throw failed;
            }
            return served;
        } finally {
            starting.shutdown();
        }
    }

    static HttpClient client() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    }

    HttpResponse<String> send(HttpClient http, Served server, String path, String body)
            throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                        .timeout(Duration.ofSeconds(10))
                        .header("Authorization", "Bearer " + admin)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Creates a token of Ann's and logs it out, again and again, until told to stop or, on the instance to be
     * killed, until it dies; notes each logout sent, and each answered 2xx.
     */
    Thread logouts(HttpClient http, Served server, boolean toBeKilled) {
        var thread = new Thread(() -> {
            while (!stopping) {
                try {
                    var token = send(http, server, "/api/white-label/token", "{\"user_id\":" + userId + "}");
                    if (token.statusCode() != 200) {
                        failed(toBeKilled, "token creation answered " + token.statusCode() + ": " + token.body());
                        continue;
                    }
                    String value = json.readTree(token.body()).get("token").asText();
                    long tokenId = Long.parseLong(value.substring(0, value.indexOf('|')));
                    asked.add(tokenId);
                    var logout = send(
                            http,
                            server,
                            "/api/white-label/logout",
                            "{\"user_id\":" + userId + ",\"token_id\":" + tokenId + "}");
                    if (logout.statusCode() / 100 == 2) {
                        acknowledged.add(tokenId);
                        if (toBeKilled) {
                            acknowledgedByKilled.incrementAndGet();
                        }
                    } else {
                        failed(toBeKilled, "logout answered " + logout.statusCode() + ": " + logout.body());
                    }
                } catch (IOException e) {
                    if (toBeKilled && killing) {
                        return; // the kill: a logout not answered may have committed or not
                    }
                    failures.add(e.toString());
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        thread.start();
        return thread;
    }

    private void failed(boolean toBeKilled, String what) {
        if (!(toBeKilled && killing)) {
            failures.add(what);
        }
    }

    /**
     * Kills {@code server} with SIGKILL while it holds deliveries that cannot end: the receiver holds its
     * answers (half a second at most, well within the attempts' 1 s deadline) until the server's
     * {@code /metrics} says it holds any, claimed and waiting their turn or sent and waiting for an answer.
     * Answers how many it held.
     */
    double killWhileItHolds(HttpClient http, Served server) throws IOException, InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < until) {
            long holding = System.nanoTime();
            receiver.holdAnswers(Duration.ofMillis(500));
            while (System.nanoTime() - holding < TimeUnit.MILLISECONDS.toNanos(300)) {
                double held = held(http, server);
                if (held > 0) {
                    killing = true;
                    server.process().destroyForcibly(); // SIGKILL
                    assertThat(server.process().waitFor(10, TimeUnit.SECONDS)).isTrue();
                    receiver.answer();
                    return held;
                }
                Thread.sleep(10);
            }
            receiver.answer();
            Thread.sleep(200);
        }
        throw new AssertionError("the instance to be killed held no delivery for 10 s");
    }

    /** What {@code whitelabel_webhook_held} in the server's {@code /metrics} says. */
    static double held(HttpClient http, Served server) throws IOException, InterruptedException {
        String metrics = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/metrics"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        return metrics.lines()
                .filter(line -> line.startsWith("whitelabel_webhook_held "))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.indexOf(' ') + 1)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no whitelabel_webhook_held in /metrics"));
    }

    /**
     * Verifies every request as Standard Webhooks prescribes (written from the specification, not from
     * the product's code), notes each copy of each {@code webhook-id} it gets, and answers 204 after up to
     * 100 ms, or when its answers are no longer held; 400 to a bad signature.
     */
    static final class DedupingReceiver {

        /** One event, with the token and audit event its body names and when each of its copies arrived. */
        record Event(long tokenId, long auditEventId, List<Long> arrivals) {}

        final Map<String, Event> byWebhookId = new ConcurrentHashMap<>();
        final List<String> refused = Collections.synchronizedList(new ArrayList<>());
        final ObjectMapper json = new ObjectMapper();
        volatile String secret;
        /** {@link System#nanoTime} until which requests wait for their answer. */
        volatile long answersHeldUntil = System.nanoTime();

        HttpServer server;

        void start() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/hooks", this::receive);
            server.setExecutor(Executors.newFixedThreadPool(48));
            server.start();
        }

        /** Requests from now on, and those waiting, get their answer when told, or after {@code atMost}. */
        void holdAnswers(Duration atMost) {
            answersHeldUntil = System.nanoTime() + atMost.toNanos();
        }

        void answer() {
            answersHeldUntil = System.nanoTime();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
        }

        void stop() {
            if (server != null) {
                server.stop(0);
                ((ExecutorService) server.getExecutor()).shutdownNow();
            }
        }

        private void receive(HttpExchange exchange) throws IOException {
            long arrived = System.nanoTime();
            try (exchange) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                String id = exchange.getRequestHeaders().getFirst("webhook-id");
                Optional<String> wrong = wrong(
                        id,
                        exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                        exchange.getRequestHeaders().getFirst("webhook-signature"),
                        body);
                if (wrong.isPresent()) {
                    refused.add(wrong.get());
                    exchange.sendResponseHeaders(400, -1);
                    return;
                }
                JsonNode event = json.readTree(body);
                if (!event.path("type").asText().equals("token.revoked")) {
                    refused.add("an event of type " + event.path("type"));
                    exchange.sendResponseHeaders(400, -1);
                    return;
                }
                byWebhookId
                        .computeIfAbsent(
                                id,
                                first -> new Event(
                                        event.at("/data/token_id").asLong(),
                                        event.at("/data/audit_event_id").asLong(),
                                        Collections.synchronizedList(new ArrayList<>())))
                        .arrivals()
                        .add(arrived);
                while (System.nanoTime() - answersHeldUntil < 0) {
                    Thread.sleep(5);
                }
                Thread.sleep(ThreadLocalRandom.current().nextInt(100));
                exchange.sendResponseHeaders(204, -1);
            } catch (InterruptedException stopped) {
                Thread.currentThread().interrupt();
            }
        }

        /** What is wrong with a request, by the specification; empty when it verifies. */
        private Optional<String> wrong(String id, String timestamp, String signatures, String body) {
            if (id == null || timestamp == null || signatures == null) {
                return Optional.of("missing webhook-id, webhook-timestamp or webhook-signature");
            }
            if (Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)) > 5 * 60) {
                return Optional.of("timestamp outside the tolerance: " + timestamp);
            }
            byte[] expected;
            try {
                var mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(
                        Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
                expected = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
            for (String candidate : signatures.split(" ")) {
                try {
                    if (candidate.startsWith("v1,")
                            && MessageDigest.isEqual(
                                    expected, Base64.getDecoder().decode(candidate.substring(3)))) {
                        return Optional.empty();
                    }
                } catch (IllegalArgumentException notBase64) {
                    // another candidate may match
                }
            }
            return Optional.of("no v1 signature matches, webhook-id " + id);
        }

        Set<Long> tokens() {
            return byWebhookId.values().stream().map(Event::tokenId).collect(Collectors.toSet());
        }
    }
}
