import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.whitelabel.adapters.http.PublicUrl;
import dev.whitelabel.adapters.http.ssf.NimbusSecurityEventSigner;
import dev.whitelabel.adapters.http.ssf.SealedKeys;
import dev.whitelabel.adapters.persistence.DatabaseSettings;
import dev.whitelabel.domain.model.EventStream;
import dev.whitelabel.domain.model.SecurityEvent;
import dev.whitelabel.domain.model.SecurityEventType;
import dev.whitelabel.domain.model.SigningKey;
import dev.whitelabel.domain.model.StreamDelivery;
import dev.whitelabel.domain.model.StreamStatus;
import dev.whitelabel.domain.port.out.PendingSecurityEvent;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.compression.Gzip;
import io.javalin.http.Context;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
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
    /** Discarded rounds of each row before the measured ones: a server started last has had less time to compile. */
    static final int WARM_UP_ROUNDS = 2;

    static final String JAR = "bootstrap/target/whitelabel.jar";
    /** The JVM that runs this file runs the servers too; the newer one is measured beside it when installed. */
    static final String JAVA =
            Path.of(System.getProperty("java.home"), "bin", "java").toString();

    static final Path NEWER_JDK =
            Path.of(System.getenv().getOrDefault("WHITELABEL_BENCH_NEWER_JDK", "/usr/lib/jvm/temurin-25-jdk-amd64"));

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
    final DatabaseCpu databaseCpu;
    /** Every process the bench started: the server, peers, servers on another JVM or setting. */
    final List<Process> processes = new ArrayList<>();

    Bench(int rounds, int seconds, Database database) throws Exception {
        this.rounds = rounds;
        this.seconds = seconds;
        this.work = Files.createTempDirectory("whitelabel-bench");
        this.database = database;
        this.dbUrl = database.create(work);
        this.databaseCpu = new DatabaseCpu(database);
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

        /** Set while the cluster's synchronous_commit is off, so that a stop of any kind turns it back on. */
        static volatile boolean commitsRelaxed;

        /**
         * Whether the cluster's synchronous_commit comes from its configuration files alone: then ALTER
         * SYSTEM RESET puts it back as it was. One set by an earlier ALTER SYSTEM is left alone.
         */
        static boolean commitSettingOurs() throws SQLException {
            try (Connection db = DriverManager.getConnection(cluster());
                    var statement = db.createStatement();
                    var rows = statement.executeQuery("select count(*) from pg_file_settings where name ="
                            + " 'synchronous_commit' and sourcefile like '%postgresql.auto.conf'")) {
                rows.next();
                return rows.getLong(1) == 0;
            }
        }

        /**
         * The cluster's synchronous_commit, for every session at once, the pool's open ones included (a
         * setting of the configuration files reaches them on reload): off, a commit answers before its
         * WAL is on disk. Turned back on after the round, when the bench stops, and by a shutdown hook.
         */
        static void synchronousCommit(boolean on) throws SQLException, InterruptedException {
            if (!on && !commitsRelaxed) {
                commitsRelaxed = true;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        synchronousCommit(true);
                    } catch (Exception e) {
                        System.err.println("could not turn synchronous_commit back on: " + e);
                    }
                }));
            }
            if (on && !commitsRelaxed) {
                return;
            }
            try (Connection db = DriverManager.getConnection(cluster());
                    var statement = db.createStatement()) {
                statement.execute(
                        on ? "alter system reset synchronous_commit" : "alter system set synchronous_commit = off");
                statement.execute("select pg_reload_conf()");
            }
            commitsRelaxed = !on;
            // each backend reads the new configuration at its next statement; give the signal time to arrive
            Thread.sleep(500);
        }

        void drop() throws Exception {
            if (this == POSTGRES) {
                synchronousCommit(true);
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

        String label() throws SQLException {
            if (this == H2) {
                return "the embedded H2 default";
            }
            try (Connection db = DriverManager.getConnection(cluster());
                    var statement = db.createStatement();
                    var version = statement.executeQuery("show server_version")) {
                version.next();
                return "PostgreSQL " + version.getString(1) + " (a fresh database on the local cluster)";
            }
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 3 && args[0].equals("--peer")) {
            Peer.serve(args[1], args[2]);
            return;
        }
        int rounds = 5;
        int seconds = 6;
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

    /** Every section, or those named in {@code only} (hot, logout-all, logout-one, webhook, ssf). */
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
        if (only.isEmpty() || only.contains("ssf")) {
            report.append(sharedSignals()).append('\n');
        }
        String markdown = report.toString();
        System.out.println(markdown);
        Path results = Path.of("bench", database == Database.H2 ? "results.md" : "results-postgres.md");
        Files.writeString(results, markdown);
        System.out.println("written to " + results);
    }

    // --- 1. the hot path against the ceiling of the stack ---

    /** A process the bench started, and where it answers. */
    record Server(Process process, String base) {}

    /** One route of one server under wrk: what a row of a table measures. */
    record Load(String label, Server server, String path, String token, Path script) {}

    String hotPath(String token) throws Exception {
        Path introspection = introspectionScript(token);
        var ours = new Server(server, base);
        // a second process on an embedded H2 file would reach it through the first one's TCP server
        boolean shared = database == Database.POSTGRES;
        var bare = new Load(
                "bare Javalin `GET /bare` (bench-only: one JSON route, no middleware)",
                peer(JAVA, "bare"),
                "/bare",
                null,
                null);
        var live = new Load("`GET /health/live` (no auth, no database)", ours, "/health/live", null, null);
        Path meTokens = tokensScript("me", moreTokens(token, TOKENS_A_ROW));
        var me = new Load(
                "`GET /api/user/me` (" + TOKENS_A_ROW + " bearer tokens in turn)",
                ours,
                "/api/user/me",
                null,
                meTokens);
        var check = new Load("`GET /auth/check` (forward auth, 204)", ours, "/auth/check", token, null);
        var introspect = new Load(
                "`POST /oauth/introspect` (service client, RFC 7662)", ours, "/oauth/introspect", null, introspection);
        var loads = new ArrayList<>(List.of(bare, live, me, check, introspect));
        Load sanctum = null;
        Load bareSelect = null;
        if (shared) {
            bareSelect = new Load(
                    "bare Javalin `GET /api/user/me` doing one `SELECT` of the token's row by primary key (bench-only:"
                            + " the same " + TOKENS_A_ROW + " tokens, the server's pool settings, no middleware)",
                    peer(JAVA, "bare-select"),
                    "/api/user/me",
                    null,
                    meTokens);
            loads.add(1, bareSelect);
            sanctum = new Load(
                    "Sanctum-style `GET /api/user/me` (bench-only: the same lookup, `last_used_at` written"
                            + " on every request)",
                    peer(JAVA, "sanctum"),
                    "/api/user/me",
                    null,
                    tokensScript("sanctum", moreTokens(register("sanctum@bench.test"), TOKENS_A_ROW)));
            loads.add(sanctum);
        }
        String newerJava = NEWER_JDK.resolve("bin").resolve("java").toString();
        boolean newer = Files.isExecutable(Path.of(newerJava));
        Load bareNewer = null;
        Load liveNewer = null;
        Load meNewer = null;
        if (newer) {
            bareNewer = new Load(bare.label(), peer(newerJava, "bare"), "/bare", null, null);
            loads.add(bareNewer);
            if (shared) {
                var second = serve(newerJava, dbUrl, "server-newer");
                liveNewer = new Load(live.label(), second, "/health/live", null, null);
                meNewer = new Load(me.label(), second, "/api/user/me", null, meTokens);
                loads.add(liveNewer);
                loads.add(meNewer);
            }
        }
        var runs = alternate(loads);
        String profile = profile(List.of(bare, live, me), runs);
        // the peers and the second server (with its own webhook dispatcher) must not run into later sections
        List<Process> beside = loads.stream()
                .map(load -> load.server().process())
                .filter(process -> process != server)
                .distinct()
                .toList();
        stopAll(beside);
        processes.removeAll(beside);
        String java = System.getProperty("java.version");
        String newerVersion = newer ? javaVersion(NEWER_JDK) : "";
        var table = new StringBuilder("| Java | route | " + ROW_HEAD.replace("\n|---", "\n|---|---"));
        for (Load load : loads) {
            boolean onNewer = load == bareNewer || load == liveNewer || load == meNewer;
            table.append(row((onNewer ? newerVersion : java) + " | " + load.label(), runs.get(load)));
        }
        var ratios = new StringBuilder()
                .append(ratio("Java " + java + ": `/health/live` / bare Javalin", runs.get(live), runs.get(bare), 0.90))
                .append(ratio("Java " + java + ": `/api/user/me` / bare Javalin", runs.get(me), runs.get(bare), 0.75));
        if (sanctum != null) {
            ratios.append(ratio("`/api/user/me` / Sanctum-style", runs.get(me), runs.get(sanctum), 1.0));
        }
        if (bareSelect != null) {
            ratios.append(ratio(
                            "`/api/user/me` / bare Javalin and one `SELECT`", runs.get(me), runs.get(bareSelect), 0.85))
                    .append(ratio(
                            "`/auth/check` / bare Javalin and one `SELECT`",
                            runs.get(check),
                            runs.get(bareSelect),
                            0.85))
                    .append(ratio(
                            "`/oauth/introspect` / bare Javalin and one `SELECT`",
                            runs.get(introspect),
                            runs.get(bareSelect),
                            0.85));
        }
        ratios.append(ratio("`/api/user/me` / `/health/live`", runs.get(me), runs.get(live), 0.80))
                .append(ratio("`/auth/check` / `/health/live`", runs.get(check), runs.get(live), 0.85))
                .append(ratio("`/oauth/introspect` / `/health/live`", runs.get(introspect), runs.get(live), 0.75));
        if (liveNewer != null) {
            ratios.append(ratio(
                            "Java " + newerVersion + ": `/health/live` / bare Javalin",
                            runs.get(liveNewer),
                            runs.get(bareNewer),
                            0.90))
                    .append(ratio(
                            "Java " + newerVersion + ": `/api/user/me` / bare Javalin",
                            runs.get(meNewer),
                            runs.get(bareNewer),
                            0.75))
                    .append(ratio(
                            "`/api/user/me` on Java " + newerVersion + " / on Java " + java,
                            runs.get(meNewer),
                            runs.get(me),
                            1.0));
        } else if (bareNewer != null) {
            ratios.append(ratio(
                    "bare Javalin on Java " + newerVersion + " / on Java " + java,
                    runs.get(bareNewer),
                    runs.get(bare),
                    1.0));
        }
        String skipped = (shared
                        ? ""
                        : "The Sanctum-style peer and a second server of ours on the newer JDK run on"
                                + " PostgreSQL only (`--db postgres`): an embedded H2 file belongs to one process. ")
                + (newer
                        ? ""
                        : "No newer JDK at " + NEWER_JDK + " (WHITELABEL_BENCH_NEWER_JDK): its rows are left out. ");
        return "## 1. The token checks beside a bare Javalin route and a Sanctum-style peer\n\n"
                + "wrk, " + THREADS + " threads, " + CONNECTIONS + " connections, " + seconds + " s a round, " + rounds
                + " rounds alternating over every row (forwards, then backwards) after " + WARM_UP_ROUNDS
                + " discarded warm-up rounds of each;"
                + " medians. Every check"
                + " is one indexed read of the token and its user; introspection also reads the service client by its"
                + " id. Each server is its own process (-Xmx256m) from the same jar; the bare routes and the"
                + " Sanctum-style peer are bench/Bench.java's own (`Peer`), never shipped. Server CPU is the"
                + " process's user and system time; database CPU is that of the PostgreSQL processes serving the"
                + " bench's database (the backends of every server and peer, and the cluster's own processes) during"
                + " the round, a share of the same two cores. Socket errors are wrk's: connect, read, write, and no"
                + " answer within 2 s. "
                + skipped + "\n\n"
                + table + "\n" + ratios + profile;
    }

    /**
     * Tokens a row's requests take in turn: with one token, every Sanctum-style request would wait for
     * the row lock of the one before it, which no real load does.
     */
    static final int TOKENS_A_ROW = 64;

    /** {@code first} and more tokens of its user, {@code count} in all, issued by the platform's admin. */
    List<String> moreTokens(String first, int count) throws Exception {
        long userId = Long.parseLong(get("/api/user/me", first)
                .body()
                .replaceAll("\\{\"id\":(\\d+).*", "$1")
                .strip());
        List<String> tokens = new ArrayList<>(List.of(first));
        while (tokens.size() < count) {
            var answer = post("/api/white-label/token", admin, "{\"user_id\":" + userId + "}");
            require(answer.statusCode() == 200, answer.body());
            tokens.add(
                    answer.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1").strip());
        }
        return tokens;
    }

    /** A wrk script sending {@code tokens} in turn, one a request. */
    Path tokensScript(String name, List<String> tokens) throws IOException {
        Path script = work.resolve(name + "-tokens.lua");
        Files.writeString(script, """
                local tokens = {%s}
                local n = 0
                request = function()
                  n = n + 1
                  return wrk.format(nil, nil, {["Authorization"] = "Bearer " .. tokens[n %% #tokens + 1]})
                end
                """.formatted(String.join(
                ",", tokens.stream().map(t -> "\"" + t + "\"").toList())));
        return script;
    }

    /**
     * Discarded rounds of each load (the first seconds of a JVM measure its JIT compiler), then rounds
     * alternating, every load in every round, so that the i-th runs of two loads are a pair.
     */
    Map<Load, List<Wrk>> alternate(List<Load> loads) throws Exception {
        for (int round = 0; round < WARM_UP_ROUNDS; round++) {
            for (Load load : inOrder(loads, round)) {
                wrk(load);
            }
        }
        Map<Load, List<Wrk>> runs = new LinkedHashMap<>();
        loads.forEach(load -> runs.put(load, new ArrayList<>()));
        for (int round = 0; round < rounds; round++) {
            for (Load load : inOrder(loads, round)) {
                runs.get(load).add(wrk(load));
            }
        }
        return runs;
    }

    /**
     * The rows forwards in even rounds and backwards in odd ones: this machine speeds up and slows down
     * over minutes, and a fixed order would hand the rows run last in a round a different machine.
     */
    static List<Load> inOrder(List<Load> loads, int round) {
        List<Load> order = new ArrayList<>(loads);
        if (round % 2 == 1) {
            Collections.reverse(order);
        }
        return order;
    }

    /**
     * Ratios of medians, and the median of the ratios round by round: the rows of one round ran minutes
     * apart at most, so a machine that sped up or slowed down between rounds moves both sides of those.
     */
    static String ratio(String what, List<Wrk> route, List<Wrk> reference, double target) {
        List<Double> perRound = new ArrayList<>();
        for (int round = 0; round < route.size(); round++) {
            perRound.add(route.get(round).rps() / reference.get(round).rps());
        }
        return String.format(
                "**%s: requests/s %.2f (target >= %.2f; round by round %.2f: %s), p99 %.2f, server CPU a request %.2f.**%n%n",
                what,
                median(route, Wrk::rps) / median(reference, Wrk::rps),
                target,
                medianOf(perRound),
                perRound.stream().map(r -> String.format("%.2f", r)).toList(),
                median(route, Wrk::p99Millis) / median(reference, Wrk::p99Millis),
                median(route, Wrk::serverCpuPerRequest) / median(reference, Wrk::serverCpuPerRequest));
    }

    /** A JDK's version, from its release file. */
    static String javaVersion(Path jdk) throws IOException {
        return Files.readAllLines(jdk.resolve("release")).stream()
                .filter(line -> line.startsWith("JAVA_VERSION="))
                .map(line -> line.substring("JAVA_VERSION=".length()).replace("\"", ""))
                .findFirst()
                .orElse(jdk.getFileName().toString());
    }

    // --- where the server's CPU goes: JFR's execution samples ---

    /**
     * The parts of a request's work, each named by the frames that mark it. A sample counts in the part
     * of the innermost marked frame of its stack: JDK code called by Jetty counts as Jetty, the database
     * under our token check as the database, the access log under a route as the access log.
     */
    static final List<Map.Entry<String, List<String>>> PARTS = List.of(
            Map.entry("database: JDBC driver and pool", List.of("org.postgresql.", "org.h2.", "com.zaxxer.hikari.")),
            Map.entry(
                    "Logback: level checks of Jetty and Javalin, the access log",
                    List.of("ch.qos.logback.", "dev.whitelabel.bootstrap.StderrAppender")),
            Map.entry(
                    "metrics: timer and series", List.of("dev.whitelabel.adapters.http.ApiMetrics", "io.micrometer.")),
            Map.entry(
                    "request id and security headers",
                    List.of("dev.whitelabel.adapters.http.RequestLog", "dev.whitelabel.adapters.http.SecurityHeaders")),
            Map.entry("JSON: Jackson", List.of("com.fasterxml.jackson.")),
            Map.entry("ours: routes, token check, request filters", List.of("dev.whitelabel.")),
            Map.entry(
                    "Jetty and Javalin: HTTP, routing, I/O",
                    List.of("org.eclipse.jetty.", "io.javalin.", "jakarta.servlet.", "sun.nio.", "kotlin.")));

    static final String BACKGROUND = "webhook dispatcher (its own threads)";
    static final String OTHER = "other: JDK code none of these called";

    /**
     * One more round of each load with JFR recording its server: which part of the work the CPU samples
     * were in, and that share of the server CPU a request {@code measured} in the rounds.
     */
    String profile(List<Load> loads, Map<Load, List<Wrk>> measured) throws Exception {
        List<List<List<String>>> recorded = new ArrayList<>();
        int n = 0;
        for (Load load : loads) {
            Path recording = work.resolve("profile-" + n++ + ".jfr");
            String pid = String.valueOf(load.server().process().pid());
            jcmd(pid, "JFR.start", "name=bench", "settings=profile");
            wrk(load);
            jcmd(pid, "JFR.stop", "name=bench", "filename=" + recording);
            recorded.add(stacks(recording));
        }
        var out = new StringBuilder(
                "### Where the server's CPU went (JFR)\n\nOne more round of each route with a"
                        + " flight recording (settings=profile) on its server: the share of the execution samples in each part"
                        + " of the work, by the innermost frame of its stack that marks one (`Bench.PARTS`), and that share of the"
                        + " server CPU a request measured in the rounds above (JFR samples Java code only, not the GC, the JIT"
                        + " compiler or time in system calls: the µs are the Java samples' shares scaled to the whole).\n\n| part |");
        loads.forEach(load -> out.append(" `").append(load.path()).append("` % |"));
        out.append("\n|---|").append("---|".repeat(loads.size())).append('\n');
        List<String> names = new ArrayList<>(List.of(BACKGROUND));
        names.addAll(PARTS.stream().map(Map.Entry::getKey).toList());
        names.add(OTHER);
        for (String name : names) {
            out.append("| ").append(name).append(" |");
            for (int i = 0; i < loads.size(); i++) {
                var stacks = recorded.get(i);
                long count = stacks.stream()
                        .filter(stack -> part(stack).equals(name))
                        .count();
                double micros = median(measured.get(loads.get(i)), Wrk::serverCpuPerRequest)
                        * 1000
                        * count
                        / Math.max(1, stacks.size());
                out.append(' ').append(percent(count, stacks.size())).append(String.format(" (%.0f µs) |", micros));
            }
            out.append('\n');
        }
        out.append("| samples |");
        recorded.forEach(stacks -> out.append(' ').append(stacks.size()).append(" |"));
        out.append("\n\nThe methods most samples were in (self):\n\n");
        for (int i = 0; i < loads.size(); i++) {
            var stacks = recorded.get(i);
            var self = top(stacks, stack -> stack.isEmpty() ? List.of() : List.of(stack.get(0)), 6);
            out.append("- `")
                    .append(loads.get(i).path())
                    .append("`: ")
                    .append(String.join(
                            ", ",
                            self.stream()
                                    .map(entry -> "`" + entry.getKey() + "` " + percent(entry.getValue(), stacks.size())
                                            + "%")
                                    .toList()))
                    .append('\n');
        }
        return out.append('\n').toString();
    }

    static String part(List<String> stack) {
        if (stack.stream().anyMatch(frame -> frame.startsWith("dev.whitelabel.bootstrap.WebhookDispatcher"))) {
            return BACKGROUND;
        }
        for (String frame : stack) {
            for (var part : PARTS) {
                if (part.getValue().stream().anyMatch(frame::startsWith)) {
                    return part.getKey();
                }
            }
        }
        return OTHER;
    }

    static String percent(long part, long whole) {
        return String.format("%.1f", 100.0 * part / Math.max(1, whole));
    }

    /** The {@code limit} names counted most often over the stacks, each stack naming those {@code names} gives. */
    static List<Map.Entry<String, Long>> top(
            List<List<String>> stacks, Function<List<String>, List<String>> names, int limit) {
        Map<String, Long> counts = new HashMap<>();
        for (List<String> stack : stacks) {
            for (String name : names.apply(stack)) {
                counts.merge(name, 1L, Long::sum);
            }
        }
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(limit)
                .toList();
    }

    /** The stacks of a recording's execution samples, innermost frame first, each frame as Class.method. */
    static List<List<String>> stacks(Path recording) throws Exception {
        var jfr = new ProcessBuilder(
                        jdkTool("jfr"),
                        "print",
                        "--events",
                        "jdk.ExecutionSample",
                        "--stack-depth",
                        "256",
                        recording.toString())
                .redirectErrorStream(true)
                .start();
        List<List<String>> stacks = new ArrayList<>();
        List<String> stack = null;
        try (var lines = new BufferedReader(new InputStreamReader(jfr.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String frame = line.strip();
                if (frame.startsWith("stackTrace = [")) {
                    stack = new ArrayList<>();
                } else if (stack != null && frame.equals("]")) {
                    stacks.add(stack);
                    stack = null;
                } else if (stack != null && !frame.equals("...")) {
                    stack.add(frame.replaceFirst("\\(.*$", ""));
                }
            }
        }
        require(jfr.waitFor() == 0, "jfr print failed on " + recording);
        return stacks;
    }

    static void jcmd(String pid, String... command) throws Exception {
        List<String> line = new ArrayList<>(List.of(jdkTool("jcmd"), pid));
        line.addAll(List.of(command));
        var process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        require(process.waitFor() == 0, "jcmd " + String.join(" ", command) + ": " + out);
    }

    static String jdkTool(String name) {
        return Path.of(System.getProperty("java.home"), "bin", name).toString();
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
        // commits not waited for: the most that batching commits together (group commit) could buy
        // the cluster's own ALTER SYSTEM value could not be put back: leave the row out then
        boolean relaxed = database == Database.POSTGRES && Database.commitSettingOurs();
        int variants = relaxed ? 4 : 3;
        int users = 16;
        int perUser = (rounds + WARM_UP_ROUNDS) * variants * TOKENS_PER_ROUND;
        var userIds = new long[users];
        var firstTokenIds = new long[users];
        for (int i = 0; i < users; i++) {
            userIds[i] = userWithTokens("one-" + i + "@bench.test", perUser);
            firstTokenIds[i] = firstTokenId(userIds[i]);
        }
        List<Wrk> without = new ArrayList<>();
        List<Wrk> quiet = new ArrayList<>();
        List<Wrk> with = new ArrayList<>();
        List<Wrk> uncommitted = new ArrayList<>();
        long received = 0;
        List<Double> drains = new ArrayList<>();
        String logout = "/api/white-label/logout";
        // Discarded rounds of each first: the first rounds measure the JIT compiler and a cold database cache.
        int slot = 0;
        for (int round = -WARM_UP_ROUNDS; round < rounds; round++) {
            Wrk none = wrk(logout, admin, logoutScript(userIds, firstTokenIds, slot++));
            long other = createWebhook("[\"user.logged_out\"]");
            Wrk outboxOnly = wrk(logout, admin, logoutScript(userIds, firstTokenIds, slot++));
            deleteWebhook(other);
            long every = createWebhook("[]");
            long receivedBefore = receiver.count();
            Wrk delivered = wrk(logout, admin, logoutScript(userIds, firstTokenIds, slot++));
            long loadEnded = System.nanoTime();
            long receivedInRound = receiver.count() - receivedBefore;
            // every answered logout's event, however long it takes the dispatcher after the load
            double drain = receiver.drained(
                    receivedBefore + (long) delivered.requests() - delivered.non2xx(),
                    loadEnded,
                    Duration.ofSeconds(60));
            deleteWebhook(every);
            Wrk unwaited = null;
            if (relaxed) {
                Path script = logoutScript(userIds, firstTokenIds, slot++);
                try {
                    Database.synchronousCommit(false);
                    unwaited = wrk(logout, admin, script);
                } finally {
                    Database.synchronousCommit(true);
                }
            }
            if (round >= 0) {
                without.add(none);
                quiet.add(outboxOnly);
                with.add(delivered);
                received += receivedInRound;
                drains.add(drain);
                if (unwaited != null) {
                    uncommitted.add(unwaited);
                }
            }
        }
        require((long) slot * TOKENS_PER_ROUND <= perUser, "too many rounds for the tokens seeded");
        String groupCommit = !relaxed
                ? ""
                : row(
                        "the same, no webhook, while the cluster's `synchronous_commit` is off (commits answered before"
                                + " their WAL is on disk: an upper bound for group commit; not durable, never shipped)",
                        uncommitted);
        String groupCommitRatio = !relaxed
                ? ""
                : String.format(
                        " **`synchronous_commit=off` / none: requests/s %.2f, p99 %.2f, server CPU a logout %.2f.**",
                        median(uncommitted, Wrk::rps) / median(without, Wrk::rps),
                        median(uncommitted, Wrk::p99Millis) / median(without, Wrk::p99Millis),
                        median(uncommitted, Wrk::serverCpuPerRequest) / median(without, Wrk::serverCpuPerRequest));
        return "## 3. Logout by token id under load, without and with a webhook\n\n"
                + "wrk, " + CONNECTIONS + " connections, " + seconds + " s a round, " + rounds + " rounds alternating"
                + " over every row after " + WARM_UP_ROUNDS
                + " discarded rounds of each; each request revokes another live token, spread over "
                + users
                + " users (one user row lock each), and commits. Other events: the platform has an endpoint that"
                + " takes `user.logged_out` only, so each logout runs the outbox statement in its transaction and nothing"
                + " is sent. Every event: the endpoint takes `token.revoked` too, so each logout also writes an outbox"
                + " row, and the dispatcher sends it to a receiver in this process while the load runs, on the same two"
                + " cores.\n\n"
                + "| route | " + ROW_HEAD
                + row("`POST /api/white-label/logout {\"user_id\",\"token_id\"}`, no webhook", without)
                + row("the same, an endpoint for other events", quiet)
                + row("the same, an endpoint for every event (an outbox row each, sent while the load runs)", with)
                + groupCommit
                + String.format(
                        "%n**Other events / none: requests/s %.2f, p99 %.2f. Every event / none: requests/s %.2f, p99"
                                + " %.2f.**%s In the measured every-event rounds, %,d logouts were answered and the receiver"
                                + " (this process) took %,d events while they ran (**%.1f%%**), at %.0f µs of its CPU an"
                                + " event; **the rest arrived within %s ms of the last logout** (the drain: from the end"
                                + " of the load to the round's last event; rounds %s; NaN: not all within 60 s).%n",
                        median(quiet, Wrk::rps) / median(without, Wrk::rps),
                        median(quiet, Wrk::p99Millis) / median(without, Wrk::p99Millis),
                        median(with, Wrk::rps) / median(without, Wrk::rps),
                        median(with, Wrk::p99Millis) / median(without, Wrk::p99Millis),
                        groupCommitRatio,
                        (long) with.stream().mapToDouble(Wrk::requests).sum(),
                        received,
                        100.0
                                * received
                                / Math.max(
                                        1,
                                        with.stream().mapToDouble(Wrk::requests).sum()),
                        with.stream().mapToDouble(Wrk::benchCpuMillis).sum() * 1000 / Math.max(1, received),
                        String.format("%.0f", medianOf(drains)),
                        format(drains));
    }

    // --- 5. Shared Signals: signing, and logouts with a stream ---

    String sharedSignals() throws Exception {
        int users = 16;
        int perUser = (rounds + WARM_UP_ROUNDS) * 3 * TOKENS_PER_ROUND;
        var userIds = new long[users];
        var firstTokenIds = new long[users];
        for (int i = 0; i < users; i++) {
            userIds[i] = userWithTokens("ssf-" + i + "@bench.test", perUser);
            firstTokenIds[i] = firstTokenId(userIds[i]);
        }
        String sessionRevoked = "[\"https://schemas.openid.net/secevent/caep/event-type/session-revoked\"]";
        List<Wrk> without = new ArrayList<>();
        List<Wrk> polled = new ArrayList<>();
        List<Wrk> pushed = new ArrayList<>();
        long pushedEvents = 0;
        String logout = "/api/white-label/logout";
        int slot = 0;
        for (int round = -WARM_UP_ROUNDS; round < rounds; round++) {
            Wrk none = wrk(logout, admin, logoutScript(userIds, firstTokenIds, slot++));
            String poll = createStream(
                    "{\"delivery\":{\"method\":\"urn:ietf:rfc:8936\"},\"events_requested\":" + sessionRevoked + "}");
            Wrk withPoll = wrk(logout, admin, logoutScript(userIds, firstTokenIds, slot++));
            deleteStream(poll);
            String push = createStream("{\"delivery\":{\"method\":\"urn:ietf:rfc:8935\",\"endpoint_url\":\""
                    + receiver.url() + "\"},\"events_requested\":" + sessionRevoked + "}");
            long before = receiver.count();
            Wrk withPush = wrk(logout, admin, logoutScript(userIds, firstTokenIds, slot++));
            long receivedInRound = receiver.count() - before;
            deleteStream(push);
            if (round >= 0) {
                without.add(none);
                polled.add(withPoll);
                pushed.add(withPush);
                pushedEvents += receivedInRound;
            }
        }
        require((long) slot * TOKENS_PER_ROUND <= perUser, "too many rounds for the tokens seeded");
        double signing = signingMicros();
        return "## 5. Shared Signals: signing a token, and logouts with a stream\n\n"
                + "Signing: one security event token (ES256, nimbus-jose-jwt, the claims built as served), signed"
                + " 20,000 times in this process after 20,000 discarded: **" + String.format("%.0f", signing)
                + " µs an event** (one core).\n\n"
                + "Logouts: the rows of section 3's load (each request revokes another live token, "
                + users + " users), alternating without a stream, with one polled stream that requests"
                + " `session-revoked` (each logout writes its event in its transaction), and with one pushed stream"
                + " whose events the server signs and pushes to a receiver in this process while the load runs.\n\n"
                + "| route | " + ROW_HEAD
                + row("`POST /api/white-label/logout {\"user_id\",\"token_id\"}`, no stream", without)
                + row("the same, one polled stream", polled)
                + row("the same, one pushed stream (signed and pushed while the load runs)", pushed)
                + String.format(
                        "%n**Polled stream / none: requests/s %.2f. Pushed stream / none: requests/s %.2f.** The receiver"
                                + " took %,d pushed events during the measured pushed rounds' %,.0f logouts.%n",
                        median(polled, Wrk::rps) / median(without, Wrk::rps),
                        median(pushed, Wrk::rps) / median(without, Wrk::rps),
                        pushedEvents,
                        pushed.stream().mapToDouble(Wrk::requests).sum())
                + "\nTarget: one stream / none >= 0.9.\n";
    }

    String createStream(String json) throws Exception {
        var answer = post("/platforms/1/ssf/stream", admin, json);
        require(answer.statusCode() == 201, answer.body());
        return answer.body().replaceAll(".*\"stream_id\":\"(\\d+)\".*", "$1").strip();
    }

    void deleteStream(String id) throws Exception {
        var answer = http.send(
                HttpRequest.newBuilder(URI.create(base + "/platforms/1/ssf/stream?stream_id=" + id))
                        .header("Authorization", "Bearer " + admin)
                        .DELETE()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        require(answer.statusCode() == 204, answer.body());
    }

    /** The signer's cost alone, in µs an event: what a poll or a push adds per event besides the database. */
    static double signingMicros() {
        var url = new PublicUrl("https://signals.example.com");
        var signer = new NimbusSecurityEventSigner(new SealedKeys(SealedKeys.newServerKey()), url, Clock.systemUTC());
        var made = signer.newKey();
        var key = new SigningKey(
                1, 1, made.keyId(), made.publicKey(), made.sealedPrivateKey(), Instant.now(), Optional.empty());
        var stream = new EventStream(
                1,
                1,
                "urn:uuid:bench",
                StreamDelivery.POLL,
                SecurityEventType.REQUESTABLE,
                Optional.empty(),
                StreamStatus.ENABLED,
                Optional.empty(),
                Instant.now());
        var event = new PendingSecurityEvent(
                1,
                1,
                new SecurityEvent(
                        SecurityEventType.SESSION_REVOKED,
                        Instant.now(),
                        1,
                        Optional.of(2L),
                        Optional.of("ann@bench.test"),
                        Optional.of(3L),
                        Optional.empty(),
                        Optional.of(4L),
                        Optional.empty(),
                        Optional.empty()));
        long length = 0;
        for (int i = 0; i < 20_000; i++) {
            length += signer.sign(key, stream, event).length();
        }
        long started = System.nanoTime();
        for (int i = 0; i < 20_000; i++) {
            length += signer.sign(key, stream, event).length();
        }
        long elapsed = System.nanoTime() - started;
        require(length > 0, "no token signed");
        return elapsed / 1e3 / 20_000;
    }

    // --- 4. how soon a receiver hears of a logout ---

    String webhookLatency() throws Exception {
        long endpoint = createWebhook("[]");
        long userId = userWithTokens("latency@bench.test", 2);
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            var token =
                    post("/api/white-label/token", admin, "{\"user_id\":" + userId + ",\"token_name\":\"l" + i + "\"}");
            long tokenId = Long.parseLong(
                    token.body().replaceAll(".*\"token\":\"(\\d+)\\|.*", "$1").strip());
            var answer =
                    post("/api/white-label/logout", admin, "{\"user_id\":" + userId + ",\"token_id\":" + tokenId + "}");
            long answered = System.nanoTime();
            require(answer.statusCode() == 200, answer.body());
            millis.add((receiver.await(tokenId) - answered) / 1e6);
        }
        deleteWebhook(endpoint);
        return "## 4. From a logout's answer to the receiver\n\n"
                + "40 logouts one after another, each of one token; the time from the logout's answer to the event's"
                + " arrival at a receiver in this process. The dispatcher of the instance that took the logout is woken once its transaction commits.\n\n"
                + String.format(
                        "| | median ms | slowest ms | all (ms) |%n|---|---|---|---|%n| logout to webhook | %.0f | %.0f | %s |%n",
                        medianOf(millis),
                        millis.stream().mapToDouble(Double::doubleValue).max().orElseThrow(),
                        format(millis))
                + "\nTarget: within 1 s.\n";
    }

    /**
     * A receiver in this process: answers 204 and notes when each token's event arrived. It shares the
     * machine's two cores with the server, the database and wrk, where a real receiver would run on its
     * own machine; so it is Jetty's core handler, the leanest server at hand, rather than the JDK's.
     */
    static final class Receiver {
        private static final Pattern TOKEN = Pattern.compile("\"token_id\":(\\d+)");
        private final org.eclipse.jetty.server.Server server;
        private final org.eclipse.jetty.server.ServerConnector connector;
        private final Map<Long, Long> arrivals = new ConcurrentHashMap<>();
        private final AtomicLong count = new AtomicLong();
        private final AtomicLong lastArrival = new AtomicLong();

        Receiver() throws Exception {
            var threads = new org.eclipse.jetty.util.thread.QueuedThreadPool(16, 4);
            threads.setName("receiver");
            threads.setDaemon(true);
            server = new org.eclipse.jetty.server.Server(threads);
            connector = new org.eclipse.jetty.server.ServerConnector(server);
            connector.setHost("127.0.0.1");
            server.addConnector(connector);
            server.setHandler(new org.eclipse.jetty.server.Handler.Abstract() {
                @Override
                public boolean handle(
                        org.eclipse.jetty.server.Request request,
                        org.eclipse.jetty.server.Response response,
                        org.eclipse.jetty.util.Callback callback)
                        throws Exception {
                    String body = org.eclipse.jetty.io.Content.Source.asString(request, StandardCharsets.UTF_8);
                    Matcher token = TOKEN.matcher(body);
                    if (token.find()) {
                        arrivals.put(Long.parseLong(token.group(1)), System.nanoTime());
                    }
                    count.incrementAndGet();
                    lastArrival.set(System.nanoTime());
                    response.setStatus(204);
                    callback.succeeded();
                    return true;
                }
            });
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + connector.getLocalPort() + "/hooks";
        }

        long count() {
            return count.get();
        }

        /**
         * Waits until {@code total} events have arrived, up to {@code within}: answers the time from
         * {@code since} to the last arrival in ms, or NaN when they did not all arrive.
         */
        double drained(long total, long since, Duration within) throws InterruptedException {
            long deadline = since + within.toNanos();
            while (count.get() < total && System.nanoTime() < deadline) {
                Thread.sleep(2);
            }
            return count.get() < total ? Double.NaN : Math.max(0, lastArrival.get() - since) / 1e6;
        }

        long await(long tokenId) throws InterruptedException {
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (!arrivals.containsKey(tokenId)) {
                require(System.nanoTime() < deadline, "no event for token " + tokenId + " within 10 s");
                Thread.sleep(1);
            }
            return arrivals.get(tokenId);
        }

        void stop() throws Exception {
            server.stop();
        }
    }

    /** An endpoint of the bench platform at the receiver, taking {@code events} (a JSON array; empty: all). */
    long createWebhook(String events) throws Exception {
        var answer = post(
                "/api/white-label/webhooks", admin, "{\"url\":\"" + receiver.url() + "\",\"events\":" + events + "}");
        require(answer.statusCode() == 201, answer.body());
        return Long.parseLong(answer.body()
                .replaceAll(".*\"webhook\":\\{\"id\":(\\d+).*", "$1")
                .strip());
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

    // --- the bench's own servers, never shipped ---

    /**
     * What the rows of section 1 are measured beside, each in a process of its own from the jar's classes:
     * "bare", one Javalin JSON route and nothing else (the stack's own ceiling); "sanctum", the hot path
     * the way Laravel Sanctum runs it: the token's row found by its id, the SHA-256 of the secret compared
     * in constant time, and {@code last_used_at} written, and committed, on every request; "bare-select",
     * one route that reads the token's row by its id and nothing else (the ceiling of a check that reads
     * the database on every request).
     */
    static final class Peer {
        static void serve(String kind, String dbUrl) {
            var app = Javalin.create(config -> {
                config.startup.showJavalinBanner = false;
                // the server's own setting (HttpServer): the default searches its excluded types on every answer
                var compression = new CompressionStrategy(null, new Gzip());
                compression.setExcludedMimeTypes(List.of());
                config.http.compressionStrategy = compression;
                switch (kind) {
                    case "bare" -> config.routes.get("/bare", ctx -> ctx.json(Map.of("status", "ok")));
                    case "sanctum" -> config.routes.get("/api/user/me", new SanctumStyle(dbUrl)::me);
                    case "bare-select" -> config.routes.get("/api/user/me", new BareSelect(dbUrl)::me);
                    default -> throw new IllegalArgumentException("no peer " + kind);
                }
            });
            app.start("127.0.0.1", 0);
            System.out.println("{\"port\":" + app.port() + "}");
        }
    }

    /** A bearer token {@code id|secret} as the peers read it from a request's header. */
    record Bearer(long id, String secret) {
        /** Empty, the request answered 401, when it carries none. */
        static Optional<Bearer> of(Context ctx) {
            String header = ctx.header("Authorization");
            int bar = header == null || !header.startsWith("Bearer ") ? -1 : header.indexOf('|');
            if (bar < 0) {
                ctx.status(401).json(Map.of("message", "Unauthenticated."));
                return Optional.empty();
            }
            return Optional.of(
                    new Bearer(Long.parseLong(header.substring("Bearer ".length(), bar)), header.substring(bar + 1)));
        }
    }

    static final class SanctumStyle {
        private static final String FIND = "select t.token_hash, u.id, u.name, u.email from tokens t"
                + " join users u on u.id = t.user_id"
                + " where t.id = ? and t.revoked_at is null and t.generation = u.token_generation";
        private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
            try {
                return MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        });
        private final HikariDataSource pool;

        SanctumStyle(String dbUrl) {
            var config = new HikariConfig();
            config.setJdbcUrl(dbUrl);
            config.setMaximumPoolSize(DatabaseSettings.DEFAULT_POOL_SIZE);
            pool = new HikariDataSource(config);
        }

        void me(Context ctx) throws Exception {
            Optional<Bearer> bearer = Bearer.of(ctx);
            if (bearer.isEmpty()) {
                return;
            }
            long id = bearer.get().id();
            byte[] digest = HexFormat.of()
                    .formatHex(SHA256.get().digest(bearer.get().secret().getBytes(StandardCharsets.US_ASCII)))
                    .getBytes(StandardCharsets.US_ASCII);
            try (Connection db = pool.getConnection();
                    var find = db.prepareStatement(FIND)) {
                find.setLong(1, id);
                try (var row = find.executeQuery()) {
                    if (!row.next()
                            || !MessageDigest.isEqual(digest, row.getString(1).getBytes(StandardCharsets.US_ASCII))) {
                        ctx.status(401).json(Map.of("message", "Unauthenticated."));
                        return;
                    }
                    try (var touch =
                            db.prepareStatement("update tokens set last_used_at = current_timestamp where id = ?")) {
                        touch.setLong(1, id);
                        touch.executeUpdate();
                    }
                    ctx.json(Map.of(
                            "user", Map.of("id", row.getLong(2), "name", row.getString(3), "email", row.getString(4))));
                }
            }
        }
    }

    /**
     * The least a check that may not cache can do: the token's id taken from the header, one SELECT of its
     * row by primary key through a pool opened as the server opens its own ({@code Database.open}, so
     * every setting of the server's pool is this one's too), and a JSON answer. No digest, no user.
     */
    static final class BareSelect {
        private static final String FIND = "select token_hash from tokens where id = ?";
        private final HikariDataSource pool;

        BareSelect(String dbUrl) {
            pool = dev.whitelabel.adapters.persistence.Database.open(DatabaseSettings.of(dbUrl));
        }

        void me(Context ctx) throws Exception {
            Optional<Bearer> bearer = Bearer.of(ctx);
            if (bearer.isEmpty()) {
                return;
            }
            long id = bearer.get().id();
            try (Connection db = pool.getConnection();
                    var find = db.prepareStatement(FIND)) {
                find.setLong(1, id);
                try (var row = find.executeQuery()) {
                    if (!row.next()) {
                        ctx.status(401).json(Map.of("message", "Unauthenticated."));
                        return;
                    }
                    ctx.json(Map.of("id", id));
                }
            }
        }
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
            long userId = Long.parseLong(get("/api/user/me", first)
                    .body()
                    .replaceAll("\\{\"id\":(\\d+).*", "$1")
                    .strip());
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
                    live.add(answer.body()
                            .replaceAll(".*\"token\":\"([^\"]+)\".*", "$1")
                            .strip());
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
        var started = serve(JAVA, dbUrl, "server");
        server = started.process();
        base = started.base();
    }

    /** A server of ours on {@code java}, with its own log file in the bench's folder. */
    Server serve(String java, String url, String name) throws IOException {
        return launch(
                name,
                List.of(java, "-Xmx256m", "-jar", JAR, "serve", "--port", "0", "--host", "127.0.0.1", "--db-url", url));
    }

    /** A {@link Peer} of the given kind on {@code java}, compiled from this file with the jar's classes. */
    Server peer(String java, String kind) throws IOException {
        return launch(
                kind + "-" + processes.size(),
                List.of(java, "-Xmx256m", "-cp", JAR, "bench/Bench.java", "--peer", kind, dbUrl));
    }

    /** Starts {@code command}, which prints {"port":N} first when it listens. */
    Server launch(String name, List<String> command) throws IOException {
        Path log = work.resolve(name + ".log");
        var builder = new ProcessBuilder(command).redirectError(log.toFile());
        // the bench's webhook receiver is in this process, on loopback
        builder.environment().put("WHITELABEL_WEBHOOKS_ALLOW_PRIVATE", "true");
        var process = builder.start();
        processes.add(process);
        var out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        require(line != null && line.contains("port"), name + " did not start; see " + log);
        return new Server(process, "http://127.0.0.1:" + line.replaceAll("\\D", ""));
    }

    void stop() throws Exception {
        receiver.stop();
        stopAll(processes);
        databaseCpu.close();
        database.drop();
        try (var files = Files.walk(work)) {
            files.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        }
    }

    /** Each is sent SIGTERM first, then waited for: a server's drain runs while the next one's does. */
    static void stopAll(List<Process> processes) throws InterruptedException {
        processes.forEach(Process::destroy);
        for (Process process : processes) {
            process.waitFor();
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
        return answer.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1").strip();
    }

    /** A platform user whose tokens are inserted straight into the database: 100,000 HTTP calls would take minutes. */
    long userWithTokens(String email, int tokens) throws Exception {
        String token = register(email);
        long userId = Long.parseLong(get("/api/user/me", token)
                .body()
                .replaceAll("\\{\"id\":(\\d+).*", "$1")
                .strip());
        try (Connection db = DriverManager.getConnection(dbUrl);
                var insert = db.prepareStatement("""
                        insert into tokens (user_id, name, token_hash, generation, created_at, abilities)
                        select ?, 'bench', ?, (select token_generation from users where id = ?), current_timestamp, '*'
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
            double rps,
            double p99Millis,
            long non2xx,
            long socketErrors,
            double requests,
            double serverCpuMillis,
            double databaseCpuMillis,
            double benchCpuMillis) {
        double serverCpuPerRequest() {
            return serverCpuMillis / requests;
        }

        /** NaN on H2, whose CPU is the server's own. */
        double databaseCpuPerRequest() {
            return databaseCpuMillis / requests;
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

    /**
     * The CPU time of the PostgreSQL processes serving the bench, from /proc: the backends of the bench's
     * database and the cluster's own processes (WAL writer, checkpointer and the like), not the backends of
     * other databases on the cluster (tests may run there). A backend that ends during a round takes its
     * time with it; the pools' backends live as long as the servers. Nothing on H2, which runs in the server.
     */
    static final class DatabaseCpu implements AutoCloseable {
        private final Connection cluster;

        DatabaseCpu(Database database) throws SQLException {
            cluster = database == Database.POSTGRES ? DriverManager.getConnection(Database.cluster()) : null;
        }

        /** CPU milliseconds so far by process id. */
        Map<Long, Double> now() throws SQLException, IOException {
            var cpu = new HashMap<Long, Double>();
            if (cluster == null) {
                return cpu;
            }
            try (var query = cluster.prepareStatement(
                    "select pid from pg_stat_activity where datname = ? or backend_type <> 'client backend'")) {
                query.setString(1, Database.BENCH_DATABASE);
                try (var pids = query.executeQuery()) {
                    while (pids.next()) {
                        long pid = pids.getLong(1);
                        try {
                            cpu.put(pid, cpuMillis(pid));
                        } catch (java.nio.file.NoSuchFileException gone) {
                            // ended since it was listed
                        }
                    }
                }
            }
            return cpu;
        }

        /** NaN on H2. */
        double millisSince(Map<Long, Double> before) throws SQLException, IOException {
            if (cluster == null) {
                return Double.NaN;
            }
            double spent = 0;
            for (var process : now().entrySet()) {
                spent += process.getValue() - before.getOrDefault(process.getKey(), 0.0);
            }
            return spent;
        }

        @Override
        public void close() throws SQLException {
            if (cluster != null) {
                cluster.close();
            }
        }
    }

    /** USER_HZ: 100 on every Linux this runs on. */
    static final int CLOCK_TICKS = 100;

    static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    static final Pattern P99 = Pattern.compile("\\s99%\\s+([0-9.]+)(us|ms|s)");
    static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
    static final Pattern ERRORS =
            Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    Wrk wrk(String path, String token, Path script) throws Exception {
        return wrk(new Server(server, base), path, token, script);
    }

    Wrk wrk(Load load) throws Exception {
        return wrk(load.server(), load.path(), load.token(), load.script());
    }

    Wrk wrk(Server target, String path, String token, Path script) throws Exception {
        List<String> command =
                new ArrayList<>(List.of("wrk", "-t" + THREADS, "-c" + CONNECTIONS, "-d" + seconds + "s", "--latency"));
        if (token != null) {
            command.addAll(List.of("-H", "Authorization: Bearer " + token));
        }
        if (script != null) {
            command.addAll(List.of("-s", script.toString()));
        }
        command.add(target.base() + path);
        double serverBefore = cpuMillis(target.process().pid());
        var databaseBefore = databaseCpu.now();
        double benchBefore = cpuMillis(ProcessHandle.current().pid());
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        require(process.waitFor() == 0, out);
        double serverCpu = cpuMillis(target.process().pid()) - serverBefore;
        double databaseCpuMillis = databaseCpu.millisSince(databaseBefore);
        double benchCpu = cpuMillis(ProcessHandle.current().pid()) - benchBefore;
        Matcher rps = RPS.matcher(out);
        Matcher p99 = P99.matcher(out);
        require(rps.find() && p99.find(), out);
        Matcher non2xx = NON_2XX.matcher(out);
        Matcher errors = ERRORS.matcher(out);
        long refused = non2xx.find() ? Long.parseLong(non2xx.group(1)) : 0;
        long socketErrors = 0;
        if (errors.find()) {
            for (int group = 1; group <= 4; group++) {
                socketErrors += Long.parseLong(errors.group(group));
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
                refused,
                socketErrors,
                requestsPerSecond * seconds,
                serverCpu,
                databaseCpuMillis,
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

    /** The columns of {@link #row}, and the line under them. */
    static final String ROW_HEAD =
            "requests/s (median) | p99 ms (median) | server CPU µs a request (median) | database CPU"
                    + " µs a request (median) | non-2xx / socket errors | rounds (req/s) |\n|---|---|---|---|---|---|---|\n";

    static String row(String label, List<Wrk> runs) {
        double databaseMicros = median(runs, Wrk::databaseCpuPerRequest) * 1000;
        return String.format(
                "| %s | %,.0f | %.2f | %,.0f | %s | %d / %d | %s |%n",
                label,
                median(runs, Wrk::rps),
                median(runs, Wrk::p99Millis),
                median(runs, Wrk::serverCpuPerRequest) * 1000,
                Double.isNaN(databaseMicros) ? "in the server's" : String.format("%,.0f", databaseMicros),
                runs.stream().mapToLong(Wrk::non2xx).sum(),
                runs.stream().mapToLong(Wrk::socketErrors).sum(),
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
