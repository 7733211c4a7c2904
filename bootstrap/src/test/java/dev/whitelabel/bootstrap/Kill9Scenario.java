package dev.whitelabel.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.whitelabel.bootstrap.ShippedJar.Served;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.SecureRandom;
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
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What {@link WebhookKill9IT} and {@link SharedSignalsKill9IT} share: two instances of the shipped jar on
 * one PostgreSQL; a platform whose user's tokens are created and logged out one at a time by two
 * clients on each instance, each logout sent and each acknowledged noted; the SIGKILL of one instance
 * while a receiver holds its answers and the instance holds what it sends; then the survivor alone, and
 * the wait until everything arrived.
 */
final class Kill9Scenario implements AutoCloseable {

    static final Duration BEFORE_KILL = Duration.ofSeconds(3);
    static final Duration AFTER_KILL = Duration.ofSeconds(2);
    static final Duration DRAIN = Duration.ofSeconds(45);
    static final int CLIENTS_PER_INSTANCE = 2;

    /**
     * Receivers on this machine; a 1 s attempt deadline, so that a claim lasts 4 × 1 s + 5 s = 9 s; the
     * one Shared Signals server key and public URL every instance over one database needs.
     */
    static final Map<String, String> ENVIRONMENT = Map.of(
            "WHITELABEL_WEBHOOKS_ALLOW_PRIVATE",
            "true",
            "WHITELABEL_WEBHOOK_TIMEOUT_SECONDS",
            "1",
            SharedSignalsOptions.KEY_VARIABLE,
            serverKey(),
            "WHITELABEL_PUBLIC_URL",
            "https://whitelabel.example");

    final ObjectMapper json = new ObjectMapper();
    /** The tokens a logout was sent for, answered or not. */
    final Set<Long> asked = ConcurrentHashMap.newKeySet();
    /** The tokens whose logout was answered 2xx, by either instance. */
    final Set<Long> acknowledged = ConcurrentHashMap.newKeySet();

    final AtomicInteger acknowledgedByKilled = new AtomicInteger();
    /** What went wrong with a request other than the kill. */
    final List<String> failures = Collections.synchronizedList(new ArrayList<>());

    private final Path directory;
    private final TestDatabases databases = new TestDatabases();
    private final List<Process> processes = new ArrayList<>();
    private final List<Thread> clients = new ArrayList<>();
    private volatile boolean killing;
    private volatile boolean stopping;

    String url;
    String admin;
    long platformId;
    long userId;
    Served killed;
    Served survivor;
    final HttpClient toKilled = client();
    final HttpClient toSurvivor = client();

    private long began;
    private long setUp;
    /** When the killed instance was seen dead. */
    Instant killedAt;

    int acknowledgedBeforeKill;

    /** {@code directory} for the servers' logs. */
    Kill9Scenario(Path directory) {
        this.directory = directory;
    }

    /** A fresh schema, a platform (its admin's token in {@link #admin}), and both servers, started at once. */
    void start() throws Exception {
        began = System.nanoTime();
        url = databases.url("postgresql", directory);
        var platform = json.readTree(ShippedJar.run(
                url, Map.of(), "platform", "create", "--name", "Acme", "--admin-email", "admin@acme.test"));
        admin = platform.get("token").asText();
        platformId = platform.at("/platform/id").asLong();
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
            killed = served.get(0);
            survivor = served.get(1);
        } finally {
            starting.shutdown();
        }
    }

    /**
     * Ann registered, then the clients started, two on each instance, left to run for {@link
     * #BEFORE_KILL}.
     */
    void load() throws Exception {
        var registered = send(
                toSurvivor,
                survivor,
                "/api/white-label/register",
                "{\"name\":\"Ann\",\"email\":\"ann@acme.test\",\"password\":\"correct horse battery\"}");
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        userId = json.readTree(registered.body()).at("/user/id").asLong();
        setUp = System.nanoTime();
        for (int i = 0; i < CLIENTS_PER_INSTANCE; i++) {
            clients.add(logouts(toKilled, killed, true));
            clients.add(logouts(toSurvivor, survivor, false));
        }
        Thread.sleep(BEFORE_KILL.toMillis());
    }

    /** What the instance to be killed holds that cannot end while the receiver holds its answers; empty for nothing. */
    @FunctionalInterface
    interface Holding<T> {
        Optional<T> now() throws IOException, InterruptedException;
    }

    /**
     * Kills the instance to be killed with SIGKILL while it holds what cannot end: {@code receiver} holds
     * its answers (half a second at most, well within the attempts' 1 s deadline) until {@code holding}
     * says the instance holds anything, within the first 300 ms; else it answers, and tries again, for 10
     * s. Answers what it held.
     */
    <T> T killWhileItHolds(Receiver receiver, Holding<T> holding) throws IOException, InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < until) {
            long holdingSince = System.nanoTime();
            receiver.holdAnswers(Duration.ofMillis(500));
            while (System.nanoTime() - holdingSince < TimeUnit.MILLISECONDS.toNanos(300)) {
                Optional<T> held = holding.now();
                if (held.isPresent()) {
                    killing = true;
                    killed.process().destroyForcibly(); // SIGKILL
                    assertThat(killed.process().waitFor(10, TimeUnit.SECONDS)).isTrue();
                    killedAt = Instant.now();
                    acknowledgedBeforeKill = acknowledged.size();
                    receiver.answer();
                    return held.get();
                }
                Thread.sleep(10);
            }
            receiver.answer();
            Thread.sleep(200);
        }
        throw new AssertionError("the instance to be killed held nothing for 10 s");
    }

    /** The survivor alone for {@link #AFTER_KILL}, then no more logouts. */
    void survivorAlone() throws InterruptedException {
        Thread.sleep(AFTER_KILL.toMillis());
        stopClients();
    }

    /** A check that may read the database. */
    @FunctionalInterface
    interface Check {
        boolean holds() throws Exception;
    }

    /** Waits until {@code done} holds, for {@link #DRAIN} at most; whether it held in time. */
    boolean drain(Check done) throws Exception {
        long until = System.nanoTime() + DRAIN.toNanos();
        while (System.nanoTime() < until && !done.holds()) {
            Thread.sleep(100);
        }
        return System.nanoTime() - until < 0;
    }

    /**
     * Claims taken and not yet recorded, by either instance, as {@code select} reads them from the
     * database: an id of the outbox, and when its claim lapses.
     */
    Map<Long, Instant> leased(String select) throws SQLException {
        Map<Long, Instant> leased = new HashMap<>();
        try (var db = DriverManager.getConnection(url);
                var row = db.createStatement().executeQuery(select)) {
            while (row.next()) {
                leased.put(
                        row.getLong(1), row.getObject(2, OffsetDateTime.class).toInstant());
            }
        }
        return leased;
    }

    long setUpMillis() {
        return TimeUnit.NANOSECONDS.toMillis(setUp - began);
    }

    long elapsedMillis() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - began);
    }

    /** Both instances acknowledged logouts, and no request failed but by the kill. */
    void assertBothAcknowledged() {
        assertThat(failures).as("requests that failed other than by the kill").isEmpty();
        assertThat(acknowledgedByKilled.get())
                .as("logouts the killed instance acknowledged")
                .isPositive();
        assertThat(acknowledged.size() - acknowledgedByKilled.get())
                .as("logouts the survivor acknowledged")
                .isPositive();
    }

    /**
     * Every acknowledged logout's event arrived at {@code receiver}, and every event there is of a logout
     * sent, with one id, the same on every copy, so that deduplication leaves it once. {@code stored}
     * says what the database has of the tokens whose event is missing.
     */
    void assertEveryAcknowledgedArrived(Receiver receiver, Function<Set<Long>, ?> stored) {
        assertThat(receiver.refused).as("requests the receiver refused").isEmpty();
        Set<Long> missing = new TreeSet<>(acknowledged);
        missing.removeAll(receiver.tokens());
        assertThat(missing)
                .as(
                        "acknowledged logouts whose event never arrived; what the database has of them: %s",
                        stored.apply(missing))
                .isEmpty();
        assertThat(asked).as("every event is of a logout that was sent").containsAll(receiver.tokens());
        Map<Long, List<String>> idsOfToken = new HashMap<>();
        receiver.byId.forEach((id, event) -> idsOfToken
                .computeIfAbsent(event.tokenId(), token -> new ArrayList<>())
                .add(id));
        assertThat(idsOfToken)
                .as("each event has one id, the same on every copy, so deduplication leaves it once")
                .allSatisfy((token, ids) -> assertThat(ids).hasSize(1));
    }

    /**
     * A duplicate is only of an event in {@code reclaimed}, held by the killed instance at the kill: first
     * sent before it died, then once by the survivor after its claim lapsed.
     */
    void assertDuplicatesOnlyOf(Set<Long> reclaimed, Receiver receiver) {
        assertThat(receiver.duplicated())
                .as("a duplicate is only of an event the killed instance held at the kill, first sent before it"
                        + " died, then once by the survivor after its claim lapsed")
                .allSatisfy(event -> {
                    assertThat(event.arrivals()).hasSize(2);
                    assertThat(Collections.min(event.arrivals())).isBeforeOrEqualTo(killedAt);
                    assertThat(reclaimed).contains(event.outboxId());
                });
        assertThat(receiver.duplicates()).isLessThanOrEqualTo(reclaimed.size());
    }

    @Override
    public void close() throws Exception {
        stopClients();
        for (Process process : processes) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        databases.close();
    }

    private void stopClients() throws InterruptedException {
        stopping = true;
        for (Thread client : clients) {
            client.join(15_000);
        }
    }

    static HttpClient client() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    }

    /** A POST of {@code body} as the platform's admin. */
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
    private Thread logouts(HttpClient http, Served server, boolean toBeKilled) {
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

    private static String serverKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    /**
     * A receiver on this machine: notes each copy of each event it takes under the id its copies share,
     * and answers after up to 100 ms, or when its answers are no longer held. What it checks of a request,
     * and the event's token and outbox row, are its subclass's.
     */
    abstract static class Receiver {

        /** One event: the token its logout revoked, its row in the outbox, and when each of its copies arrived. */
        record Event(long tokenId, long outboxId, List<Instant> arrivals) {}

        final Map<String, Event> byId = new ConcurrentHashMap<>();
        final List<String> refused = Collections.synchronizedList(new ArrayList<>());
        final ObjectMapper json = new ObjectMapper();

        private final String path;
        private final int threads;
        /** {@link System#nanoTime} until which requests wait for their answer. */
        private volatile long answersHeldUntil = System.nanoTime();

        private HttpServer server;

        /** Requests to {@code path}, up to {@code threads} at a time. */
        Receiver(String path, int threads) {
            this.path = path;
            this.threads = threads;
        }

        /** Takes one request: refuses it, or notes its event with {@link #arrived} and answers. */
        abstract void receive(HttpExchange exchange, Instant arrived) throws IOException, InterruptedException;

        void start() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext(path, exchange -> {
                Instant arrived = Instant.now();
                try (exchange) {
                    receive(exchange, arrived);
                } catch (InterruptedException stopped) {
                    Thread.currentThread().interrupt();
                }
            });
            server.setExecutor(Executors.newFixedThreadPool(threads));
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + port() + path;
        }

        int port() {
            return server.getAddress().getPort();
        }

        void stop() {
            if (server != null) {
                server.stop(0);
                ((ExecutorService) server.getExecutor()).shutdownNow();
            }
        }

        /** Requests from now on, and those waiting, get their answer when told, or after {@code atMost}. */
        void holdAnswers(Duration atMost) {
            answersHeldUntil = System.nanoTime() + atMost.toNanos();
        }

        void answer() {
            answersHeldUntil = System.nanoTime();
        }

        /** Notes a copy of the event {@code id}. */
        void arrived(String id, long tokenId, long outboxId, Instant at) {
            byId.computeIfAbsent(
                            id, first -> new Event(tokenId, outboxId, Collections.synchronizedList(new ArrayList<>())))
                    .arrivals()
                    .add(at);
        }

        /** {@code status} once answers are no longer held, after up to 100 ms more. */
        void answer(HttpExchange exchange, int status) throws IOException, InterruptedException {
            while (System.nanoTime() - answersHeldUntil < 0) {
                Thread.sleep(5);
            }
            Thread.sleep(ThreadLocalRandom.current().nextInt(100));
            exchange.sendResponseHeaders(status, -1);
        }

        void refuse(HttpExchange exchange, String why) throws IOException {
            refused.add(why);
            exchange.sendResponseHeaders(400, -1);
        }

        Set<Long> tokens() {
            return byId.values().stream().map(Event::tokenId).collect(Collectors.toSet());
        }

        List<Event> duplicated() {
            return byId.values().stream()
                    .filter(event -> event.arrivals().size() > 1)
                    .toList();
        }

        int duplicates() {
            return duplicated().stream()
                    .mapToInt(event -> event.arrivals().size() - 1)
                    .sum();
        }

        int requests() {
            return byId.values().stream()
                    .mapToInt(event -> event.arrivals().size())
                    .sum();
        }

        Instant lastArrival() {
            return byId.values().stream()
                    .flatMap(event -> List.copyOf(event.arrivals()).stream())
                    .max(Instant::compareTo)
                    .orElse(Instant.EPOCH);
        }
    }
}
