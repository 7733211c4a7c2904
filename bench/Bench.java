import com.sun.net.httpserver.HttpServer;
import dev.whitelabel.adapters.persistence.DatabaseSettings;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The project's benchmark (run it with bench/run). Everything is measured in one run on this machine,
 * in alternating rounds, and reported as medians and ratios: the machine is shared and noisy, so a
 * number is only compared with another taken beside it.
 */
public final class Bench {

    static final int CONNECTIONS = 64;
    static final int THREADS = 2;
    static final int TOKENS_PER_USER = 100_000;
    static final String JAR = "bootstrap/target/whitelabel.jar";

    final int rounds;
    final int seconds;
    final Path work;
    final Database database;
    final String dbUrl;
    final HttpClient http = HttpClient.newHttpClient();
    Process server;
    String base;
    String admin;
    final Receiver receiver = new Receiver();

    Bench(int rounds, int seconds, Database database) throws Exception {
        this.rounds = rounds;
        this.seconds = seconds;
        this.work = Files.createTempDirectory("whitelabel-bench");
        this.database = database;
        this.dbUrl = database.create(work);
    }

    /** Where the server keeps its data: a fresh embedded H2 file, or a fresh database on a PostgreSQL cluster. */
    enum Database {
        H2,
        POSTGRES;

        static final String BENCH_DATABASE = "whitelabel_bench";

        /** The cluster: WHITELABEL_BENCH_PG_URL, else the local one the README's test setup uses. */
        static String cluster() {
            return System.getenv()
                    .getOrDefault("WHITELABEL_BENCH_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");
        }

        String create(Path work) throws SQLException {
            if (this == H2) {
                return DatabaseSettings.embeddedH2Url(work.resolve("whitelabel"));
            }
            try (Connection db = DriverManager.getConnection(cluster());
                    var statement = db.createStatement()) {
                statement.execute("drop database if exists " + BENCH_DATABASE);
                statement.execute("create database " + BENCH_DATABASE);
            }
            return cluster().replaceFirst("/[^/?]+(\\?|$)", "/" + BENCH_DATABASE + "$1");
        }

        void drop() throws SQLException {
            if (this == POSTGRES) {
                try (Connection db = DriverManager.getConnection(cluster());
                        var statement = db.createStatement()) {
                    statement.execute("drop database if exists " + BENCH_DATABASE + " with (force)");
                }
            }
        }

        /** The server-side rows 1..n, for seeding tokens in one statement. */
        String rows(String n) {
            return this == H2 ? "system_range(1, " + n + ")" : "generate_series(1, " + n + ")";
        }

        String label() {
            return this == H2 ? "the embedded H2 default" : "PostgreSQL (a fresh database on the local cluster)";
        }
    }

    public static void main(String[] args) throws Exception {
        int rounds = 3;
        int seconds = 10;
        int soakSeconds = 0;
        var database = Database.H2;
        var only = new HashSet<String>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
                case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
                case "--soak" -> soakSeconds = Integer.parseInt(args[i + 1]);
                case "--db" -> database = Database.valueOf(args[i + 1].toUpperCase(Locale.ROOT));
                case "--only" -> only.addAll(List.of(args[i + 1].split(",")));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        var bench = new Bench(rounds, seconds, database);
        try {
            if (soakSeconds > 0) {
                bench.soak(soakSeconds);
            } else {
                bench.run(only);
            }
        } finally {
            bench.stop();
        }
    }

    /** Every section, or those named in {@code only} (hot, logout-all, logout-one, webhook). */
    void run(Set<String> only) throws Exception {
        start();
        admin = cli("platform", "create", "--name", "Bench", "--admin-email", "admin@bench.test")
                .replaceAll(".*\"token\":\"([^\"]+)\".*", "$1")
                .strip();
        String me = register("me@bench.test");
        get("/api/user/me", me); // the first use in a minute records last_used_at; the rounds measure reads
        var report = new StringBuilder();
        report.append("# Benchmark results\n\n")
                .append(machine(database.label()))
                .append('\n');
        if (only.isEmpty() || only.contains("hot")) {
            report.append(hotPath(me)).append('\n');
        }
        if (only.isEmpty() || only.contains("logout-all")) {
            report.append(logoutAll()).append('\n');
        }
        if (only.isEmpty() || only.contains("logout-one")) {
            report.append(logoutByTokenId()).append('\n');
        }
        if (only.isEmpty() || only.contains("webhook")) {
            report.append(webhookLatency()).append('\n');
        }
        String markdown = report.toString();
        System.out.println(markdown);
        Path results = Path.of("bench", database == Database.H2 ? "results.md" : "results-postgres.md");
        Files.writeString(results, markdown);
        System.out.println("written to " + results);
    }

    // --- 1. the hot path against the ceiling of the stack ---

    String hotPath(String token) throws Exception {
        Path introspection = introspectionScript(token);
        List<Wrk> ceiling = new ArrayList<>();
        List<Wrk> me = new ArrayList<>();
        List<Wrk> check = new ArrayList<>();
        List<Wrk> introspect = new ArrayList<>();
        // A discarded round of each: the first seconds of a JVM measure its JIT compiler, not the server.
        wrk("/health/live", null, null);
        wrk("/api/user/me", token, null);
        wrk("/auth/check", token, null);
        wrk("/oauth/introspect", null, introspection);
        for (int round = 0; round < rounds; round++) {
            ceiling.add(wrk("/health/live", null, null));
            me.add(wrk("/api/user/me", token, null));
            check.add(wrk("/auth/check", token, null));
            introspect.add(wrk("/oauth/introspect", null, introspection));
        }
        return "## 1. The token checks vs the ceiling route `GET /health/live`\n\n"
                + "wrk, " + THREADS + " threads, " + CONNECTIONS + " connections, " + seconds + " s a round, "
                + rounds
                + " rounds alternating (ceiling, me, check, introspect, ceiling, ...) after one discarded warm-up"
                + " round of each; medians. Every check is one indexed read of the token and its user; introspection"
                + " also reads the service client by its id.\n\n"
                + "| route | requests/s (median) | p99 ms (median) | non-2xx | rounds (req/s) |\n|---|---|---|---|---|\n"
                + row("`GET /health/live` (no auth, no database)", ceiling)
                + row("`GET /api/user/me` (bearer token)", me)
                + row("`GET /auth/check` (forward auth, 204)", check)
                + row("`POST /oauth/introspect` (service client, RFC 7662)", introspect)
                + "\n" + ratio("me", me, ceiling, 0.80) + ratio("auth/check", check, ceiling, 0.85)
                + ratio("introspect", introspect, ceiling, 0.75);
    }

    static String ratio(String what, List<Wrk> route, List<Wrk> ceiling, double target) {
        return String.format(
                "**Ratio %s / ceiling: requests/s %.2f (target >= %.2f), p99 %.2f (target <= 1.50).**%n%n",
                what,
                median(route, Wrk::rps) / median(ceiling, Wrk::rps),
                target,
                median(route, Wrk::p99Millis) / median(ceiling, Wrk::p99Millis));
    }

    /** A service client of the bench platform, introspecting {@code token} with every request. */
    Path introspectionScript(String token) throws Exception {
        String created = cli("service-client", "create", "--platform", "1", "--name", "bench");
        String clientId =
                created.replaceAll(".*\"client_id\":\"([^\"]+)\".*", "$1").strip();
        String secret =
                created.replaceAll(".*\"client_secret\":\"([^\"]+)\".*", "$1").strip();
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        Path script = work.resolve("introspect.lua");
        Files.writeString(script, """
                wrk.method = "POST"
                wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
                wrk.headers["Authorization"] = "Basic %s"
                wrk.body = "token=%s"
                """.formatted(basic, token.replace("|", "%7C")));
        require(post("/auth/check", token, "").statusCode() == 204, "the bench token does not pass /auth/check");
        return script;
    }

    // --- 2. logout-all of a user with 100,000 live tokens, beside the naive UPDATE of every row ---

    String logoutAll() throws Exception {
        List<Double> ours = new ArrayList<>();
        List<Double> naive = new ArrayList<>();
        Map<String, Long> oursWritten = null;
        long naiveRows = 0;
        for (int round = 0; round < rounds; round++) {
            long userId = userWithTokens("all-" + round + "@bench.test", TOKENS_PER_USER);
            var before = counts();
            long started = System.nanoTime();
            var answer = post("/api/white-label/logout", admin, "{\"user_id\":" + userId + "}");
            ours.add((System.nanoTime() - started) / 1e6);
            require(answer.body().contains("\"revoked_tokens\":" + TOKENS_PER_USER), answer.body());
            oursWritten = delta(before, counts());

            long naiveUser = userWithTokens("naive-" + round + "@bench.test", TOKENS_PER_USER);
            try (Connection db = DriverManager.getConnection(dbUrl)) {
                started = System.nanoTime();
                try (var update = db.prepareStatement(
                        "update tokens set revoked_at = current_timestamp where user_id = ? and revoked_at is null")) {
                    update.setLong(1, naiveUser);
                    naiveRows = update.executeUpdate();
                }
                naive.add((System.nanoTime() - started) / 1e6);
            }
        }
        return "## 2. Logout-all of a user with " + String.format("%,d", TOKENS_PER_USER) + " live tokens\n\n"
                + rounds + " rounds alternating (ours, naive, ...), a fresh user each; medians. Ours is the whole HTTP "
                + "request (authentication, count of live tokens, generation bump, audit, commit); the naive one is the "
                + "bare UPDATE statement alone, sent over JDBC to the same database.\n\n"
                + "| logout-all | time ms (median) | rounds (ms) | rows written |\n|---|---|---|---|\n"
                + String.format(
                        "| ours: `POST /api/white-label/logout {\"user_id\"}` | %.1f | %s | %s |%n",
                        medianOf(ours), format(ours), written(oursWritten))
                + String.format(
                        "| naive: `UPDATE tokens SET revoked_at = ... WHERE user_id = ?` | %.1f | %s | %,d token rows |%n",
                        medianOf(naive), format(naive), naiveRows)
                + "\nTarget: < 250 ms with a constant number of row writes (the statement count is asserted by "
                + "`SqlStatementsTest` on H2 and PostgreSQL: the same statements for 10 tokens as for 2,000).\n";
    }

    // --- 3. logout by token id under load ---

    String logoutByTokenId() throws Exception {
        int users = 16;
        int perUser = 60_000;
        var userIds = new long[users];
        var firstTokenIds = new long[users];
        for (int i = 0; i < users; i++) {
            userIds[i] = userWithTokens("one-" + i + "@bench.test", perUser);
            firstTokenIds[i] = firstTokenId(userIds[i]);
        }
        List<Wrk> without = new ArrayList<>();
        List<Wrk> quiet = new ArrayList<>();
        List<Wrk> with = new ArrayList<>();
        // A discarded round of each first: the first rounds measure the JIT compiler and a cold database cache.
        int slot = 0;
        for (int round = -1; round < rounds; round++) {
            Wrk none = wrk("/api/white-label/logout", admin, logoutScript(userIds, firstTokenIds, slot++));
            long other = createWebhook("[\"user.logged_out\"]");
            Wrk outboxOnly = wrk("/api/white-label/logout", admin, logoutScript(userIds, firstTokenIds, slot++));
            deleteWebhook(other);
            long every = createWebhook("[]");
            Wrk delivered = wrk("/api/white-label/logout", admin, logoutScript(userIds, firstTokenIds, slot++));
            deleteWebhook(every);
            if (round >= 0) {
                without.add(none);
                quiet.add(outboxOnly);
                with.add(delivered);
            }
        }
        require((long) slot * TOKENS_PER_ROUND <= perUser, "too many rounds for the tokens seeded");
        return "## 3. Logout by token id under load, without and with a webhook\n\n"
                + "wrk, " + CONNECTIONS + " connections, " + seconds + " s a round, " + rounds
                + " rounds alternating (none,"
                + " other events, every event, ...) after a discarded round of each; each request revokes another live token,"
                + " spread over " + users
                + " users (one user row lock each). Other events: the platform has an endpoint"
                + " that takes `user.logged_out` only, so each logout runs the outbox statement in its transaction and"
                + " nothing is sent. Every event: the endpoint takes `token.revoked` too, so each logout also writes an"
                + " outbox row, and the dispatcher sends it to a receiver in this process while the load runs, on the"
                + " same two cores.\n\n"
                + "| route | requests/s (median) | p99 ms (median) | non-2xx | rounds (req/s) |\n|---|---|---|---|---|\n"
                + row("`POST /api/white-label/logout {\"user_id\",\"token_id\"}`, no webhook", without)
                + row("the same, an endpoint for other events", quiet)
                + row("the same, an endpoint for every event (each logout delivered)", with)
                + String.format(
                        "%n**Ratio other events / none: requests/s %.2f, p99 %.2f. Every event / none: requests/s"
                                + " %.2f, p99 %.2f.** Events received: %,d.%n",
                        median(quiet, Wrk::rps) / median(without, Wrk::rps),
                        median(quiet, Wrk::p99Millis) / median(without, Wrk::p99Millis),
                        median(with, Wrk::rps) / median(without, Wrk::rps),
                        median(with, Wrk::p99Millis) / median(without, Wrk::p99Millis),
                        receiver.count())
                + "\nWhere the CPU went, per logout (medians of the rounds; the server's process, and this one, whose"
                + " receiver took the events):\n\n| | server CPU ms a logout | receiver CPU ms a logout |\n|---|---|---|\n"
                + cpuRow("no webhook", without) + cpuRow("an endpoint for other events", quiet)
                + cpuRow("an endpoint for every event", with);
    }

    static String cpuRow(String label, List<Wrk> runs) {
        return String.format(
                "| %s | %.3f | %.3f |%n",
                label, median(runs, Wrk::serverCpuPerRequest), median(runs, Wrk::benchCpuPerRequest));
    }

    // --- 4. how soon a receiver hears of a logout ---

    String webhookLatency() throws Exception {
        long endpoint = createWebhook("[]");
        long userId = userWithTokens("latency@bench.test", 2);
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            var token =
                    post("/api/white-label/token", admin, "{\"user_id\":" + userId + ",\"token_name\":\"l" + i + "\"}");
            long tokenId = Long.parseLong(token.body().replaceAll(".*\"token\":\"(\\d+)\\|.*", "$1"));
            var answer =
                    post("/api/white-label/logout", admin, "{\"user_id\":" + userId + ",\"token_id\":" + tokenId + "}");
            long answered = System.nanoTime();
            require(answer.statusCode() == 200, answer.body());
            millis.add((receiver.await(tokenId) - answered) / 1e6);
        }
        deleteWebhook(endpoint);
        return "## 4. From a logout's answer to the receiver\n\n"
                + "40 logouts one after another, each of one token; the time from the logout's answer to the event's"
                + " arrival at a receiver in this process. Each of the dispatcher's four workers looks every 200 ms, staggered.\n\n"
                + String.format(
                        "| | median ms | slowest ms | all (ms) |%n|---|---|---|---|%n| logout to webhook | %.0f | %.0f | %s |%n",
                        medianOf(millis),
                        millis.stream().mapToDouble(Double::doubleValue).max().orElseThrow(),
                        format(millis))
                + "\nTarget: within 1 s.\n";
    }

    /** A receiver in this process: answers 204 and notes when each token's event arrived. */
    static final class Receiver {
        private final HttpServer server;
        private final Map<Long, Long> arrivals = new ConcurrentHashMap<>();
        private final AtomicLong count = new AtomicLong();

        Receiver() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
            server.createContext("/hooks", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                Matcher token = Pattern.compile("\"token_id\":(\\d+)").matcher(body);
                if (token.find()) {
                    arrivals.put(Long.parseLong(token.group(1)), System.nanoTime());
                }
                count.incrementAndGet();
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            server.setExecutor(Executors.newFixedThreadPool(4, task -> {
                var thread = new Thread(task, "receiver");
                thread.setDaemon(true);
                return thread;
            }));
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
        }

        long count() {
            return count.get();
        }

        long await(long tokenId) throws InterruptedException {
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!arrivals.containsKey(tokenId)) {
                require(System.nanoTime() < deadline, "no event for token " + tokenId + " within 10 s");
                Thread.sleep(1);
            }
            return arrivals.get(tokenId);
        }

        void stop() {
            server.stop(0);
        }
    }

    /** An endpoint of the bench platform at the receiver, taking {@code events} (a JSON array; empty: all). */
    long createWebhook(String events) throws Exception {
        var answer = post(
                "/api/white-label/webhooks", admin, "{\"url\":\"" + receiver.url() + "\",\"events\":" + events + "}");
        require(answer.statusCode() == 201, answer.body());
        return Long.parseLong(answer.body().replaceAll(".*\"webhook\":\\{\"id\":(\\d+).*", "$1"));
    }

    void deleteWebhook(long id) throws Exception {
        var answer = http.send(
                HttpRequest.newBuilder(URI.create(base + "/api/white-label/webhooks/" + id))
                        .header("Authorization", "Bearer " + admin)
                        .DELETE()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        require(answer.statusCode() == 200, answer.body());
    }

    /** Tokens of each user a round may revoke: slot N starts N of these past the user's first token. */
    static final int TOKENS_PER_ROUND = 3_000;

    Path logoutScript(long[] userIds, long[] firstTokenIds, int slot) throws IOException {
        long[] bases = new long[firstTokenIds.length];
        for (int i = 0; i < bases.length; i++) {
            bases[i] = firstTokenIds[i] + (long) slot * TOKENS_PER_ROUND;
        }
        Path script = work.resolve("logout-one-" + slot + ".lua");
        Files.writeString(script, luaScript(userIds, bases));
        return script;
    }

    static String luaScript(long[] userIds, long[] firstTokenIds) {
        var bases = new StringBuilder();
        var ids = new StringBuilder();
        for (int i = 0; i < userIds.length; i++) {
            bases.append(firstTokenIds[i]).append(',');
            ids.append(userIds[i]).append(',');
        }
        return """
                local bases = {%s}
                local users = {%s}
                local counter = 0
                function setup(thread) thread:set("offset", counter); counter = counter + 1 end
                function init(args) n = offset end
                wrk.method = "POST"
                wrk.headers["Content-Type"] = "application/json"
                request = function()
                  local slot = (n %% #users) + 1
                  local step = math.floor(n / #users)
                  n = n + %d
                  return wrk.format(nil, nil, nil, '{"user_id":' .. users[slot] .. ',"token_id":' .. (bases[slot] + step) .. '}')
                end
                """.formatted(bases, ids, THREADS);
    }

    // --- the soak: mixed traffic with logouts in between, for minutes ---

    /**
     * Eight clients, each with a user of its own, for {@code seconds}: mostly authenticated reads, and
     * now and then a new token, a logout of one token (checked refused at once) or of all of them.
     * Every token ever revoked is tried again at the end. The heap is measured after a full GC every 15 s.
     */
    void soak(int seconds) throws Exception {
        start();
        admin = cli("platform", "create", "--name", "Soak", "--admin-email", "admin@soak.test")
                .replaceAll(".*\"token\":\"([^\"]+)\".*", "$1")
                .strip();
        var revoked = ConcurrentHashMap.<String>newKeySet();
        var unexpected = new AtomicLong();
        var requests = new AtomicLong();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < 8; c++) {
            String email = "soak-" + c + "@soak.test";
            String first = register(email);
            long userId = Long.parseLong(get("/api/user/me", first).body().replaceAll(".*\"id\":(\\d+).*", "$1"));
            var client = new Thread(() -> soakClient(userId, email, first, deadline, revoked, unexpected, requests));
            client.start();
            clients.add(client);
        }
        List<Long> heapAfterGc = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            Thread.sleep(15_000);
            heapAfterGc.add(heapUsedAfterGcKb());
        }
        for (Thread client : clients) {
            client.join();
        }
        long resurrected = 0;
        for (String token : revoked) {
            if (get("/api/user/me", token).statusCode() != 401) {
                resurrected++;
            }
        }
        long first = heapAfterGc.get(0);
        long last = heapAfterGc.get(heapAfterGc.size() - 1);
        String markdown = "# Soak results\n\n" + machine(database.label()) + "\n"
                + String.format(
                        "%d s of mixed traffic from 8 clients: %,d requests, %,d unexpected answers,"
                                + " %,d revoked tokens tried again at the end, %d of them accepted.%n%n",
                        seconds, requests.get(), unexpected.get(), revoked.size(), resurrected)
                + "Heap used after a full GC, every 15 s (KiB): " + heapAfterGc + "\n\n"
                + String.format(
                        "First %,d KiB, last %,d KiB: %s.%n",
                        first, last, last <= first * 1.25 + 8 * 1024 ? "no growth beyond noise" : "GROWING");
        System.out.println(markdown);
        Files.writeString(Path.of("bench", "soak-results.md"), markdown);
        require(
                unexpected.get() == 0 && resurrected == 0,
                "the soak saw unexpected answers or accepted a revoked token");
    }

    private void soakClient(
            long userId,
            String email,
            String firstToken,
            long deadline,
            Set<String> revoked,
            AtomicLong unexpected,
            AtomicLong requests) {
        var random = new Random();
        var live = new ArrayList<String>(List.of(firstToken));
        try {
            while (System.nanoTime() < deadline) {
                int dice = random.nextInt(100);
                if (live.isEmpty() || dice < 5) {
                    var answer = post("/api/white-label/token", admin, "{\"user_id\":" + userId + "}");
                    expect(answer.statusCode() == 200, unexpected);
                    live.add(answer.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1"));
                } else if (dice < 8) {
                    String victim = live.remove(random.nextInt(live.size()));
                    long tokenId = Long.parseLong(victim.substring(0, victim.indexOf('|')));
                    var answer = post(
                            "/api/white-label/logout",
                            admin,
                            "{\"user_id\":" + userId + ",\"token_id\":" + tokenId + "}");
                    expect(answer.statusCode() == 200, unexpected);
                    revoked.add(victim);
                    expect(get("/api/user/me", victim).statusCode() == 401, unexpected);
                } else if (dice < 9) {
                    var answer = post("/api/white-label/logout", admin, "{\"email\":\"" + email + "\"}");
                    expect(answer.statusCode() == 200, unexpected);
                    revoked.addAll(live);
                    for (String dead : live) {
                        expect(get("/api/user/me", dead).statusCode() == 401, unexpected);
                    }
                    live.clear();
                } else {
                    expect(
                            get("/api/user/me", live.get(random.nextInt(live.size())))
                                            .statusCode()
                                    == 200,
                            unexpected);
                }
                requests.incrementAndGet();
            }
        } catch (Exception e) {
            unexpected.incrementAndGet();
        }
    }

    private static void expect(boolean condition, AtomicLong unexpected) {
        if (!condition) {
            unexpected.incrementAndGet();
        }
    }

    private long heapUsedAfterGcKb() throws Exception {
        String pid = String.valueOf(server.pid());
        new ProcessBuilder("jcmd", pid, "GC.run")
                .redirectErrorStream(true)
                .start()
                .waitFor();
        var info = new ProcessBuilder("jcmd", pid, "GC.heap_info")
                .redirectErrorStream(true)
                .start();
        String out = new String(info.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Matcher used = Pattern.compile("total \\d+K, used (\\d+)K").matcher(out);
        require(used.find(), out);
        return Long.parseLong(used.group(1));
    }

    // --- the server, the database, wrk ---

    void start() throws IOException {
        var process = new ProcessBuilder(
                        "java",
                        "-Xmx256m",
                        "-jar",
                        JAR,
                        "serve",
                        "--port",
                        "0",
                        "--host",
                        "127.0.0.1",
                        "--db-url",
                        dbUrl)
                .redirectError(work.resolve("server.log").toFile());
        // the bench's webhook receiver is in this process, on loopback
        process.environment().put("WHITELABEL_WEBHOOKS_ALLOW_PRIVATE", "true");
        server = process.start();
        var out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        require(line != null && line.contains("port"), "the server did not start; see " + work.resolve("server.log"));
        base = "http://127.0.0.1:" + line.replaceAll("\\D", "");
    }

    void stop() throws Exception {
        receiver.stop();
        if (server != null) {
            server.destroy();
            server.waitFor();
        }
        database.drop();
        try (var files = Files.walk(work)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
    }

    String cli(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("java", "-jar", JAR));
        command.addAll(Arrays.asList(args));
        command.add("--db-url=" + dbUrl);
        var process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        require(process.waitFor() == 0, "command failed: " + String.join(" ", args));
        return out;
    }

    String register(String email) throws Exception {
        var answer = post(
                "/api/white-label/register",
                admin,
                "{\"name\":\"Bench\",\"email\":\"" + email + "\",\"password\":\"bench password\"}");
        require(answer.statusCode() == 201, answer.body());
        return answer.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
    }

    /** A platform user whose tokens are inserted straight into the database: 100,000 HTTP calls would take minutes. */
    long userWithTokens(String email, int tokens) throws Exception {
        String token = register(email);
        long userId = Long.parseLong(get("/api/user/me", token).body().replaceAll(".*\"id\":(\\d+).*", "$1"));
        try (Connection db = DriverManager.getConnection(dbUrl);
                var insert = db.prepareStatement("""
                        insert into tokens (user_id, name, token_hash, generation, created_at)
                        select ?, 'bench', ?, (select token_generation from users where id = ?), current_timestamp
                        from %s""".formatted(database.rows("?")))) {
            insert.setLong(1, userId);
            insert.setString(2, "0".repeat(64));
            insert.setLong(3, userId);
            insert.setInt(4, tokens - 1);
            insert.executeUpdate();
        }
        return userId;
    }

    long firstTokenId(long userId) throws SQLException {
        try (Connection db = DriverManager.getConnection(dbUrl);
                var query = db.prepareStatement("select min(id), max(id), count(*) from tokens where user_id = ?")) {
            query.setLong(1, userId);
            try (var rows = query.executeQuery()) {
                rows.next();
                require(rows.getLong(2) - rows.getLong(1) + 1 == rows.getLong(3), "token ids are not contiguous");
                return rows.getLong(1);
            }
        }
    }

    Map<String, Long> counts() throws SQLException {
        var counts = new LinkedHashMap<String, Long>();
        try (Connection db = DriverManager.getConnection(dbUrl);
                var statement = db.createStatement()) {
            for (String[] query : new String[][] {
                {"token rows updated", "select count(*) from tokens where revoked_at is not null"},
                {"user row updated", "select coalesce(sum(token_generation), 0) from users"},
                {"generation row inserted", "select count(*) from ended_token_generations"},
                {"audit row inserted", "select count(*) from audit_events"}
            }) {
                try (var rows = statement.executeQuery(query[1])) {
                    rows.next();
                    counts.put(query[0], rows.getLong(1));
                }
            }
        }
        return counts;
    }

    static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
        var delta = new LinkedHashMap<String, Long>();
        before.forEach((what, count) -> delta.put(what, after.get(what) - count));
        return delta;
    }

    static String written(Map<String, Long> delta) {
        var parts = new ArrayList<String>();
        delta.forEach((what, count) -> parts.add(count + " " + what));
        return String.join(", ", parts);
    }

    /** One wrk round, with the CPU time the server and this process (the webhook receiver) spent meanwhile. */
    record Wrk(
            double rps, double p99Millis, long non2xx, double requests, double serverCpuMillis, double benchCpuMillis) {
        double serverCpuPerRequest() {
            return serverCpuMillis / requests;
        }

        double benchCpuPerRequest() {
            return benchCpuMillis / requests;
        }
    }

    /** User and system CPU time of a process so far, from /proc (Linux), in milliseconds. */
    static double cpuMillis(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // fields 14 and 15 of stat(5), counted from the state field, which is the third
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 1000.0 / CLOCK_TICKS;
    }

    /** USER_HZ: 100 on every Linux this runs on. */
    static final int CLOCK_TICKS = 100;

    static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    static final Pattern P99 = Pattern.compile("\\s99%\\s+([0-9.]+)(us|ms|s)");
    static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
    static final Pattern ERRORS =
            Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    Wrk wrk(String path, String token, Path script) throws Exception {
        List<String> command =
                new ArrayList<>(List.of("wrk", "-t" + THREADS, "-c" + CONNECTIONS, "-d" + seconds + "s", "--latency"));
        if (token != null) {
            command.addAll(List.of("-H", "Authorization: Bearer " + token));
        }
        if (script != null) {
            command.addAll(List.of("-s", script.toString()));
        }
        command.add(base + path);
        double serverBefore = cpuMillis(server.pid());
        double benchBefore = cpuMillis(ProcessHandle.current().pid());
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        require(process.waitFor() == 0, out);
        double serverCpu = cpuMillis(server.pid()) - serverBefore;
        double benchCpu = cpuMillis(ProcessHandle.current().pid()) - benchBefore;
        Matcher rps = RPS.matcher(out);
        Matcher p99 = P99.matcher(out);
        require(rps.find() && p99.find(), out);
        Matcher non2xx = NON_2XX.matcher(out);
        Matcher errors = ERRORS.matcher(out);
        long failed = non2xx.find() ? Long.parseLong(non2xx.group(1)) : 0;
        if (errors.find()) {
            for (int group = 1; group <= 4; group++) {
                failed += Long.parseLong(errors.group(group));
            }
        }
        double scale = switch (p99.group(2)) {
            case "us" -> 0.001;
            case "s" -> 1000;
            default -> 1;
        };
        double requestsPerSecond = Double.parseDouble(rps.group(1));
        return new Wrk(
                requestsPerSecond,
                Double.parseDouble(p99.group(1)) * scale,
                failed,
                requestsPerSecond * seconds,
                serverCpu,
                benchCpu);
    }

    HttpResponse<String> get(String path, String token) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(base + path))
                        .header("Authorization", "Bearer " + token)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String token, String json) throws Exception {
        var request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String row(String label, List<Wrk> runs) {
        long failed = runs.stream().mapToLong(Wrk::non2xx).sum();
        return String.format(
                "| %s | %,.0f | %.2f | %d | %s |%n",
                label,
                median(runs, Wrk::rps),
                median(runs, Wrk::p99Millis),
                failed,
                runs.stream().map(w -> String.format("%,.0f", w.rps())).toList());
    }

    static double median(List<Wrk> runs, ToDoubleFunction<Wrk> value) {
        return medianOf(runs.stream().map(run -> value.applyAsDouble(run)).toList());
    }

    static double medianOf(List<Double> values) {
        double[] sorted =
                values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    static String format(List<Double> values) {
        return values.stream().map(v -> String.format("%.1f", v)).toList().toString();
    }

    static String machine(String label) throws IOException {
        String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                .filter(line -> line.startsWith("model name"))
                .findFirst()
                .map(line -> line.substring(line.indexOf(':') + 1).strip())
                .orElse("unknown CPU");
        return String.format(
                "Machine: %d cores (%s), Java %s, server started with -Xmx256m on %s.%n",
                Runtime.getRuntime().availableProcessors(), cpu, System.getProperty("java.version"), label);
    }

    static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }
}
