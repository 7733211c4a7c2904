package dev.whitelabel.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.whitelabel.adapters.persistence.BcryptPasswordHasher;
import dev.whitelabel.adapters.persistence.Database;
import dev.whitelabel.adapters.persistence.DatabaseSettings;
import dev.whitelabel.adapters.persistence.jdbi.JdbiStorage;
import dev.whitelabel.application.WhitelabelUseCases;
import dev.whitelabel.domain.model.WebhookPolicy;
import dev.whitelabel.domain.port.out.WebhookSender;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The operator's commands, run in process against an H2 file, exactly as the jar runs them. */
class CommandLineTest {

    record Run(int exitCode, String out, String err) {
        JsonNode json() throws Exception {
            return new ObjectMapper().readTree(out);
        }
    }

    @TempDir
    Path directory;

    String dbUrl;

    @BeforeEach
    void database() {
        dbUrl = DatabaseSettings.embeddedH2Url(directory.resolve("whitelabel"));
    }

    /** Platform Acme with its admin, made by the command line: its id. */
    String acme() throws Exception {
        return run("platform", "create", "--name", "Acme", "--admin-email", "admin@acme.test")
                .json()
                .at("/platform/id")
                .asText();
    }

    /** Ann, a user of the platform, made by the command line: her id. */
    String ann(String platformId) throws Exception {
        return run("user", "create", "--platform", platformId, "--name", "Ann", "--email", "ann@acme.test")
                .json()
                .get("id")
                .asText();
    }

    Run run(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--db-url=" + dbUrl);
        int code = Main.run(all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString().strip(), err.toString().strip());
    }

    /** A refusal that another database would also answer names the database it ran against. */
    String notFound(String error) {
        return "{\"error\":\"" + error + "\",\"database\":\""
                + directory.resolve("whitelabel.mv.db").toAbsolutePath() + "\"}";
    }

    /** A script can tell "the database did not answer, try again" from "refused". */
    @Test
    void a_database_that_does_not_answer_exits_with_its_own_code_and_says_so() throws Exception {
        int closedPort;
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        dbUrl = "jdbc:postgresql://127.0.0.1:" + closedPort + "/test?user=postgres&connectTimeout=2";

        var down = run("platform", "create", "--name", "Acme", "--admin-email", "admin@acme.test");

        assertThat(down.exitCode()).isEqualTo(Main.UNAVAILABLE).isNotIn(Main.REFUSED, Main.USAGE, Main.FAILED);
        assertThat(down.err()).isEqualTo("{\"error\":\"The database is unavailable.\"}");
        assertThat(down.out()).isEmpty();
    }

    @Test
    void version_prints_the_build_s_version_and_a_port_out_of_range_is_refused_before_anything_starts() {
        var out = new StringWriter();
        var err = new StringWriter();
        int code = Main.run(new String[] {"--version"}, new PrintWriter(out), new PrintWriter(err));
        assertThat(code).isZero();
        assertThat(out.toString().strip()).matches("whitelabel [0-9]+\\.[0-9]+\\.[0-9]+(-SNAPSHOT)?");

        for (String port : List.of("65536", "-1")) {
            var refused = run("serve", "--port", port);
            assertThat(refused.exitCode()).isEqualTo(Main.USAGE);
            assertThat(refused.err())
                    .startsWith("Invalid value for option '--port' (env WHITELABEL_PORT): " + port
                            + " is not a port, 0 to 65535.");
            assertThat(directory).as("no database opened").isEmptyDirectory();
        }
    }

    /** The newcomer who runs the command line from another directory than the server's is told so. */
    @Test
    void a_command_that_creates_its_database_says_where_and_a_refusal_names_the_database() {
        var captured = new ListAppender<ILoggingEvent>();
        var logger = (Logger) LoggerFactory.getLogger(DatabaseOptions.class);
        captured.start();
        logger.addAppender(captured);
        try {
            var first = run("platform", "settings", "--platform", "1");
            var second = run("user", "logout", "--platform", "1", "--user-id", "2");

            String file = directory.resolve("whitelabel.mv.db").toAbsolutePath().toString();
            assertThat(captured.list)
                    .extracting(ILoggingEvent::getFormattedMessage)
                    .containsExactly("Created a new database at " + file);
            assertThat(first.exitCode()).isEqualTo(Main.REFUSED);
            assertThat(first.err()).isEqualTo(notFound("Platform not found."));
            assertThat(second.err()).isEqualTo(notFound("User not found."));
        } finally {
            logger.detachAppender(captured);
        }
    }

    @Test
    void a_port_in_use_is_said_in_words_before_the_database_opens() throws Exception {
        try (var taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            var refused = run("serve", "--host", "127.0.0.1", "--port", String.valueOf(taken.getLocalPort()));

            assertThat(refused.exitCode()).isEqualTo(Main.REFUSED);
            assertThat(refused.out()).isEmpty();
            assertThat(refused.err()).isEqualTo("{\"error\":\"Port " + taken.getLocalPort() + " is already in use.\"}");
            assertThat(directory).as("no database opened").isEmptyDirectory();
        }
    }

    @Test
    void an_operator_creates_a_platform_a_user_tokens_and_logs_the_user_out() throws Exception {
        var platform = run("platform", "create", "--name", "Acme", "--admin-email", "admin@acme.test")
                .json();
        String platformId = platform.at("/platform/id").asText();
        assertThat(platform.at("/platform/name").asText()).isEqualTo("Acme");
        assertThat(platform.at("/admin/email").asText()).isEqualTo("admin@acme.test");
        assertThat(platform.get("token").asText()).matches("[0-9]+\\|[A-Za-z0-9]{40}");

        var user = run(
                        "user",
                        "create",
                        "--platform",
                        platformId,
                        "--name",
                        "Ann",
                        "--email",
                        "ann@acme.test",
                        "--password",
                        "correct horse battery")
                .json();
        String userId = user.get("id").asText();
        assertThat(user.toString()).doesNotContain("correct horse");

        var first = run("token", "create", "--user", userId).json();
        var second =
                run("token", "create", "--user", userId, "--name", "laptop").json();
        assertThat(first.get("token_name").asText()).isEqualTo("api-token");
        assertThat(second.get("token_name").asText()).isEqualTo("laptop");
        assertThat(second.get("token").asText())
                .startsWith(second.get("token_id").asText() + "|");

        var one = run(
                "user",
                "logout",
                "--platform",
                platformId,
                "--user-id",
                userId,
                "--token-id",
                first.get("token_id").asText());
        assertThat(one.exitCode()).isZero();
        assertThat(one.out()).isEqualTo("{\"message\":\"User logged out successfully.\",\"revoked_tokens\":1}");

        var all = run("user", "logout", "--platform", platformId, "--email", " ANN@acme.test");
        assertThat(all.json().get("revoked_tokens").asInt()).isEqualTo(1);

        var kept = run("token", "create", "--user", userId, "--name", "support").json();
        run("token", "create", "--user", userId, "--name", "phone");
        var others = run(
                "user",
                "logout",
                "--platform",
                platformId,
                "--user-id",
                userId,
                "--except-token-id",
                kept.get("token_id").asText());
        assertThat(others.json().get("revoked_tokens").asInt()).isEqualTo(1);
        var both = run(
                "user",
                "logout",
                "--platform",
                platformId,
                "--user-id",
                userId,
                "--token-id",
                kept.get("token_id").asText(),
                "--except-token-id",
                kept.get("token_id").asText());
        assertThat(both.exitCode()).isEqualTo(Main.REFUSED);
        assertThat(both.err()).contains("The except token id field is prohibited when token id is present.");
        var stillLive = run("user", "logout", "--platform", platformId, "--user-id", userId);
        assertThat(stillLive.json().get("revoked_tokens").asInt())
                .as("the kept token")
                .isEqualTo(1);
    }

    @Test
    void the_operator_reads_and_sets_a_platforms_session_cap() throws Exception {
        String platformId = acme();

        var initial = run("platform", "settings", "--platform", platformId);
        var capped = run(
                "platform",
                "settings",
                "--platform",
                platformId,
                "--max-tokens-per-user",
                "3",
                "--session-cap-policy",
                "reject");
        var lifted = run("platform", "settings", "--platform", platformId, "--max-tokens-per-user", "none");
        var refused = run("platform", "settings", "--platform", platformId, "--max-tokens-per-user", "lots");
        var unknown = run("platform", "settings", "--platform", "999", "--session-cap-policy", "reject");

        assertThat(initial.out()).isEqualTo("{\"max_tokens_per_user\":null,\"session_cap_policy\":\"evict_oldest\"}");
        assertThat(capped.json().get("max_tokens_per_user").asInt()).isEqualTo(3);
        assertThat(capped.json().get("session_cap_policy").asText()).isEqualTo("reject");
        assertThat(lifted.json().get("max_tokens_per_user").isNull()).isTrue();
        assertThat(lifted.json().get("session_cap_policy").asText()).isEqualTo("reject");
        assertThat(refused.exitCode()).isEqualTo(Main.REFUSED);
        assertThat(refused.err()).contains("The max tokens per user field must be an integer or none.");
        assertThat(unknown.err()).isEqualTo(notFound("Platform not found."));
    }

    @Test
    void refusals_go_to_stderr_as_json_with_a_non_zero_exit() throws Exception {
        String platformId = acme();
        run("user", "create", "--platform", platformId, "--name", "Ann", "--email", "ann@acme.test");

        var unknownUser = run("user", "logout", "--platform", platformId, "--user-id", "999");
        var duplicate = run("user", "create", "--platform", platformId, "--name", "Ann", "--email", "ANN@acme.test");
        var badEmail = run("user", "create", "--platform", platformId, "--name", "Ann", "--email", "nope");
        var shortPassword = run(
                "user",
                "create",
                "--platform",
                platformId,
                "--name",
                "Bo",
                "--email",
                "bo@acme.test",
                "--password",
                "hunter2");
        var noTarget = run("user", "logout", "--platform", platformId);

        assertThat(unknownUser.exitCode()).isEqualTo(Main.REFUSED);
        assertThat(unknownUser.out()).isEmpty();
        assertThat(unknownUser.err()).isEqualTo(notFound("User not found."));
        assertThat(duplicate.err()).contains("The email has already been taken.");
        assertThat(badEmail.err()).contains("The email field must be a valid email address.");
        assertThat(shortPassword.err()).contains("at least 8 characters").doesNotContain("hunter2");
        assertThat(noTarget.exitCode()).isEqualTo(2);
    }

    @Test
    void a_token_holds_the_abilities_named_with_ability_repeated_and_every_one_without() throws Exception {
        String platformId = acme();
        String userId = ann(platformId);

        var everything = run("token", "create", "--user", userId);
        var reader = run("token", "create", "--user", userId, "--ability", "orders:read", "--ability", "invoices:read");
        var spaced = run("token", "create", "--user", userId, "--ability", "orders read");
        var twice = run("token", "create", "--user", userId, "--ability", "a", "--ability", "a");

        assertThat(everything.json().get("abilities").toString()).isEqualTo("[\"*\"]");
        assertThat(reader.json().get("abilities").toString()).isEqualTo("[\"orders:read\",\"invoices:read\"]");
        assertThat(spaced.exitCode()).isEqualTo(Main.REFUSED);
        assertThat(spaced.out()).isEmpty();
        assertThat(spaced.err())
                .contains("The abilities field must hold names of 1 to 100 printable ASCII characters without spaces.");
        assertThat(twice.exitCode()).isEqualTo(Main.REFUSED);
        assertThat(twice.err()).contains("The abilities field has a duplicate value.");
    }

    @Test
    void a_user_is_added_to_an_existing_platform_only() {
        var run = run("user", "create", "--platform", "42", "--name", "Ann", "--email", "ann@acme.test");

        assertThat(run.exitCode()).isEqualTo(Main.REFUSED);
        assertThat(run.err()).isEqualTo(notFound("Platform not found."));
    }

    /** Arguments reach the same domain rules as HTTP fields: what PostgreSQL cannot store, or a reader cannot see, is refused. */
    @Test
    void text_that_cannot_be_stored_or_shown_honestly_is_refused_with_exit_code_1() throws Exception {
        String platformId = acme();

        for (String[] refused : List.of(
                new String[] {"platform", "create", "--name", "A\u0000cme", "--admin-email", "a@b.test"},
                new String[] {
                    "user", "create", "--platform", platformId, "--name", "Ann\uD800", "--email", "ann@acme.test"
                },
                new String[] {
                    "user", "create", "--platform", platformId, "--name", "Ann\u202Egnp.exe", "--email", "b@acme.test"
                },
                new String[] {
                    "user",
                    "create",
                    "--platform",
                    platformId,
                    "--name",
                    "Bo",
                    "--email",
                    "bo@acme.test",
                    "--password",
                    "correct horse\uDC00"
                })) {
            var run = run(refused);
            assertThat(run.exitCode()).as(String.join(" ", refused)).isEqualTo(1);
            assertThat(new ObjectMapper().readTree(run.err()).get("message").asText())
                    .as(run.err())
                    .startsWith("The ")
                    .contains(" field must not contain ");
        }
        var notUtf8 = run("user", "create", "--platform", platformId, "--name", "A\uFFFD", "--email", "c@acme.test");
        assertThat(notUtf8.exitCode()).as("bytes the JVM could not decode").isEqualTo(2);
        assertThat(notUtf8.err()).isEqualTo("{\"error\":\"Arguments must be UTF-8 text.\"}");
        assertThat(run("user", "create", "--platform", platformId, "--name", "Ann", "--email", "ann@acme.test")
                        .exitCode())
                .as("nothing was stored by the refused commands")
                .isZero();
    }

    @Test
    void an_operator_creates_a_service_client_whose_secret_is_printed_once() throws Exception {
        String platformId = acme();

        var created = run("service-client", "create", "--platform", platformId, "--name", "billing api")
                .json();

        assertThat(created.get("name").asText()).isEqualTo("billing api");
        assertThat(created.get("client_id").asText()).startsWith("wlc_");
        assertThat(created.get("client_secret").asText()).startsWith("wls_");
        var unknown = run("service-client", "create", "--platform", "999", "--name", "x");
        assertThat(unknown.exitCode()).isEqualTo(1);
        assertThat(unknown.err()).isEqualTo(notFound("Platform not found."));
    }

    @Test
    void tokens_prune_deletes_long_dead_tokens_and_says_how_many() throws Exception {
        String platformId = acme();
        String userId = ann(platformId);
        run("token", "create", "--user", userId);
        run("user", "logout", "--platform", platformId, "--user-id", userId);

        var kept = run("tokens", "prune");
        var pruned = run("tokens", "prune", "--retention-days", "0");

        assertThat(kept.out()).isEqualTo("{\"pruned\":0}");
        assertThat(pruned.out()).isEqualTo("{\"pruned\":1}");
        assertThat(run("tokens", "prune", "--retention-days", "-1").exitCode()).isEqualTo(2);
    }

    @Test
    void an_operator_enables_a_webhook_endpoint_the_service_disabled_for_failing() throws Exception {
        String platformId = acme();
        // a public address that needs no name lookup; nothing is sent to it here
        String webhookId = run("webhook", "create", "--platform", platformId, "--url", "http://8.8.8.8/hooks")
                .json()
                .get("id")
                .asText();
        String userId = ann(platformId);
        run("user", "logout", "--platform", platformId, "--user-id", userId);
        try (var pool = Database.open(DatabaseSettings.of(dbUrl))) {
            var round = new WhitelabelUseCases(
                            JdbiStorage.over(pool),
                            new BcryptPasswordHasher(4),
                            Clock.systemUTC(),
                            new WebhookPolicy(false, Duration.ZERO))
                    .deliverWebhooks(delivery -> CompletableFuture.completedFuture(
                            new WebhookSender.Outcome(Optional.of(503), Optional.empty())))
                    .deliverDue();
            assertThat(round.endpointsDisabled()).isEqualTo(1);
        }
        run("user", "logout", "--platform", platformId, "--user-id", userId);

        var enabled = run("webhook", "enable", "--platform", platformId, "--webhook-id", webhookId);

        assertThat(enabled.exitCode()).isZero();
        assertThat(enabled.json().get("message").asText()).isEqualTo("Webhook enabled successfully.");
        assertThat(enabled.json().get("id").asText()).isEqualTo(webhookId);
        assertThat(enabled.json().get("url").asText()).isEqualTo("http://8.8.8.8/hooks");
        assertThat(enabled.json().get("resumed_deliveries").asInt())
                .as("the event of the meantime, at least")
                .isPositive();
        var elsewhere = run("webhook", "enable", "--platform", "999", "--webhook-id", webhookId);
        assertThat(elsewhere.exitCode()).isEqualTo(1);
        assertThat(elsewhere.err()).isEqualTo(notFound("Webhook endpoint not found."));
    }
}
