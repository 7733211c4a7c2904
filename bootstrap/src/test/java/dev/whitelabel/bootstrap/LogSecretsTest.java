package dev.whitelabel.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.whitelabel.adapters.http.HttpServer;
import dev.whitelabel.adapters.http.HttpSettings;
import dev.whitelabel.adapters.persistence.DatabaseSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A full scenario under the shipped logging configuration (bootstrap's logback.xml), with every log
 * event captured: no token, secret, password or Authorization header value appears in any of them.
 */
class LogSecretsTest {

    static final String PASSWORD = "correct horse battery staple";

    @TempDir
    Path directory;

    final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();
    final List<String> secrets = new ArrayList<>(List.of(PASSWORD));
    String dbUrl;
    Wiring wiring;
    HttpServer server;

    @BeforeEach
    void database() {
        dbUrl = DatabaseSettings.embeddedH2Url(directory.resolve("whitelabel"));
    }

    /** The shipped logback.xml, with WHITELABEL_LOG_LEVEL (which it reads) set to {@code rootLevel}. */
    void shippedLogging(String rootLevel) throws Exception {
        var context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        context.putProperty("WHITELABEL_LOG_LEVEL", rootLevel);
        var configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(getClass().getResource("/logback.xml"));
        captured.setContext(context);
        captured.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(captured);
    }

    @AfterEach
    void testLogging() throws Exception {
        if (server != null) {
            server.stop();
            wiring.close();
        }
        var context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.reset();
        var configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(getClass().getResource("/logback-test.xml"));
    }

    String cli(String... args) {
        var out = new StringWriter();
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--db-url=" + dbUrl);
        Main.run(all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(new StringWriter()));
        return out.toString();
    }

    HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    String token(HttpResponse<String> answer, String pointer) throws Exception {
        String token = json.readTree(answer.body()).at(pointer).asText();
        secrets.add(token);
        secrets.add(token.substring(token.indexOf('|') + 1));
        return token;
    }

    /** At TRACE too: the libraries that would print headers and bodies keep their own levels. */
    @ParameterizedTest
    @ValueSource(strings = {"INFO", "TRACE"})
    void no_secret_reaches_a_log_line(String rootLevel) throws Exception {
        shippedLogging(rootLevel);
        String admin = json.readTree(cli("platform", "create", "--name", "Acme", "--admin-email", "admin@acme.test"))
                .get("token")
                .asText();
        secrets.add(admin);
        cli("user", "create", "--platform", "1", "--name", "Cy", "--email", "cy@acme.test", "--password", PASSWORD);
        cli("user", "create", "--platform", "1", "--name", "Cy", "--email", "cy@acme.test", "--password", PASSWORD);
        cli("user", "create", "--platform", "999", "--name", "Cy", "--email", "dy@acme.test", "--password", PASSWORD);

        wiring = Wiring.open(DatabaseSettings.of(dbUrl));
        server = HttpApi.create(wiring.useCases(), HttpSettings.defaults()).start("127.0.0.1", 0);
        String ann = token(
                send(
                        "POST",
                        "/api/white-label/register",
                        admin,
                        "{\"name\":\"Ann\",\"email\":\"ann@acme.test\",\"password\":\"" + PASSWORD + "\"}"),
                "/token");
        String laptop = token(
                send(
                        "POST",
                        "/api/white-label/login",
                        admin,
                        "{\"email\":\"ann@acme.test\",\"password\":\"" + PASSWORD + "\"}"),
                "/token");
        send(
                "POST",
                "/api/white-label/login",
                admin,
                "{\"email\":\"ann@acme.test\",\"password\":\"" + PASSWORD + "x\"}");
        String key = token(send("POST", "/api/user/api-keys", ann, "{\"name\":\"bot\"}"), "/api_key/token");
        send("GET", "/api/user/me", key, null);
        send(
                "POST",
                "/api/white-label/logout",
                admin,
                "{\"email\":\"ann@acme.test\",\"token_id\":" + laptop.split("\\|")[0] + "}");
        send("POST", "/api/white-label/logout", admin, "{\"email\":\"" + PASSWORD + "\"}");
        send("POST", "/api/white-label/logout", admin, "{\"password\":\"" + PASSWORD + "\",");
        send("GET", "/api/user/me", laptop, null);
        send("GET", "/api/user/me", laptop + "x", null);
        send("GET", "/api/user/me?access_token=" + ann.replace("|", "%7C"), ann, null);
        send("POST", "/api/user/logout", ann, "{\"all\":true}");

        assertThat(captured.list)
                .as("the scenario logs something, so the capture works")
                .isNotEmpty();
        assertNoLineContains(secrets);
    }

    /** Requests Jetty refuses before routing, each carrying a marker where it could reach a log line. */
    @Test
    void no_part_of_a_refused_request_reaches_a_log_line() throws Exception {
        shippedLogging("INFO");
        String marker = "attacker-words-7f3a";
        wiring = Wiring.open(DatabaseSettings.of(dbUrl));
        server = HttpApi.create(wiring.useCases(), HttpSettings.defaults()).start("127.0.0.1", 0);
        for (String head : List.of(
                "GET /health/live HTTP/1.1\r\nHost: " + marker + " x\r\n",
                "GET /health/live HTTP/1.1\r\nHost: [" + marker + "]\r\n",
                "GET /health/live HTTP/1.1\r\nHost: localhost:" + marker + "\r\n",
                "GET /health/live HTTP/1.1\r\nHost: localhost\r\nHost: " + marker + "\r\n",
                "GET /\u0001" + marker + " HTTP/1.1\r\nHost: localhost\r\n",
                "GET /" + marker + " HTTP/9.9\r\nHost: localhost\r\n",
                "GET /" + marker + "/%ZZ HTTP/1.1\r\nHost: localhost\r\n",
                marker + " / HTTP/1.1\r\nHost: localhost\r\n",
                "POST /api/user/logout HTTP/1.1\r\nHost: localhost\r\nContent-Length: " + marker + "\r\n")) {
            try (var socket = new Socket("127.0.0.1", server.port())) {
                socket.setSoTimeout(5_000);
                socket.getOutputStream()
                        .write((head + "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
                assertThat(new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1))
                        .matches("(?s)HTTP/1.1 (4|505).*");
            }
        }

        assertThat(captured.list).as("each refusal has its access-log line").hasSizeGreaterThanOrEqualTo(9);
        assertNoLineContains(List.of(marker));
    }

    void assertNoLineContains(List<String> secrets) {
        for (ILoggingEvent event : captured.list) {
            String line = event.getFormattedMessage()
                    + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy()));
            for (String secret : secrets) {
                assertThat(line).as("log line of %s", event.getLoggerName()).doesNotContain(secret);
            }
            assertThat(line).doesNotContain("Bearer ").doesNotContain("$2a$");
        }
    }
}
