package dev.whitelabel.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import dev.whitelabel.domain.model.Abilities;
import dev.whitelabel.domain.model.NewToken;
import dev.whitelabel.domain.model.PlatformCreated;
import dev.whitelabel.domain.model.User;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Forward auth through a real nginx (Debian's nginx-light, which .ci/run installs; skipped where it
 * is missing), configured with the snippet of docs/gateways.md as written, its three ports and platform id
 * replaced: nginx asks /auth/check before every request and passes the identity to a tiny upstream;
 * under /orders/ it asks with {@code ?ability=orders:write} as well.
 */
class NginxForwardAuthTest {

    static final Path NGINX = Path.of("/usr/sbin/nginx");
    static final Pattern SNIPPET =
            Pattern.compile("<!-- nginx snippet:[^>]*-->\\s*```nginx\\n(.*?)```", Pattern.DOTALL);

    @RegisterExtension
    final RunningApi running = new RunningApi();

    @TempDir
    Path directory;

    HttpServer upstream;
    Process nginx;
    int nginxPort;
    PlatformCreated acme;
    User ann;
    String annsToken;

    @BeforeEach
    void start() throws Exception {
        assumeTrue(Files.isExecutable(NGINX), "needs Debian's nginx (apt-get install nginx-light)");
        acme = running.platform("acme");
        ann = running.user(acme, "ann@acme.test");
        annsToken = running.token(ann);
        upstream = echoingUpstream();
        nginxPort = freePort();
        Files.writeString(directory.resolve("nginx.conf"), configuration());
        nginx = new ProcessBuilder(NGINX.toString(), "-p", directory.toString(), "-c", "nginx.conf")
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("nginx.out").toFile())
                .start();
        awaitListening(nginxPort);
    }

    @AfterEach
    void stop() {
        if (nginx != null) {
            nginx.destroy();
        }
        if (upstream != null) {
            upstream.stop(0);
        }
    }

    /** The block of docs/gateways.md, pointed at this test's ports, inside the least nginx needs to run unprivileged. */
    String configuration() throws IOException {
        Matcher block = SNIPPET.matcher(Files.readString(Path.of("..", "docs", "gateways.md")));
        assertThat(block.find()).as("docs/gateways.md has the nginx snippet").isTrue();
        String snippet = block.group(1)
                .replace("listen 8000;", "listen 127.0.0.1:" + nginxPort + ";")
                .replace("127.0.0.1:9000", "127.0.0.1:" + upstream.getAddress().getPort())
                .replace("127.0.0.1:8080", "127.0.0.1:" + running.server.port())
                .replace("platform_id=1;", "platform_id=" + acme.platform().id() + ";")
                .replace("platform_id=1&", "platform_id=" + acme.platform().id() + "&");
        String temp = directory.toAbsolutePath().toString();
        return "daemon off;\nmaster_process off;\nerror_log " + temp + "/error.log;\npid " + temp + "/nginx.pid;\n"
                + "events {}\nhttp {\n  access_log off;\n"
                + "  client_body_temp_path " + temp + "/body;\n  proxy_temp_path " + temp + "/proxy;\n"
                + "  fastcgi_temp_path " + temp + "/fastcgi;\n  uwsgi_temp_path " + temp + "/uwsgi;\n"
                + "  scgi_temp_path " + temp + "/scgi;\n" + snippet + "}\n";
    }

    /** Answers every request with the X-Whitelabel-* headers it received, one "name: value" a line. */
    static HttpServer echoingUpstream() throws IOException {
        var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            Map<String, String> identity = new TreeMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (name.toLowerCase().startsWith("x-whitelabel-")) {
                    identity.put(name.toLowerCase(), String.join(",", values));
                }
            });
            byte[] body = identity.toString().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return server;
    }

    static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    void awaitListening(int port) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                new Socket("127.0.0.1", port).close();
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new AssertionError("nginx did not start: see " + directory.resolve("error.log"));
    }

    ApiClient.Answer throughNginx(String token, String claimedUserId) {
        return throughNginx("/invoices?month=11", token, claimedUserId);
    }

    ApiClient.Answer throughNginx(String path, String token, String claimedUserId) {
        var request = new ApiClient(nginxPort).request(path, token);
        if (claimedUserId != null) {
            request.header("X-Whitelabel-User-Id", claimedUserId);
        }
        return new ApiClient(nginxPort).send(request.GET());
    }

    @Test
    void a_live_token_reaches_the_upstream_with_its_identity_and_a_logout_stops_the_very_next_request() {
        var allowed = throughNginx(annsToken, null);

        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.body())
                .isEqualTo("{x-whitelabel-abilities=*, x-whitelabel-email=ann@acme.test, x-whitelabel-platform-id="
                        + acme.platform().id() + ", x-whitelabel-role=USER, x-whitelabel-token-id="
                        + RunningApi.idOf(annsToken)
                        + ", x-whitelabel-user-id=" + ann.id() + "}");

        running.api.postJson("/api/white-label/logout", RunningApi.adminToken(acme), "{\"user_id\":" + ann.id() + "}");

        var refused = throughNginx(annsToken, null);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("WWW-Authenticate"))
                .hasValueSatisfying(challenge -> assertThat(challenge).startsWith("Bearer realm=\"whitelabel\""));
    }

    @Test
    void no_token_another_platforms_token_or_a_claimed_identity_gets_through() {
        String gus = running.globexUsersToken();

        assertThat(throughNginx(null, null).status()).isEqualTo(401);
        assertThat(throughNginx(gus, null).status())
                .as("the snippet's platform_id")
                .isEqualTo(401);
        assertThat(throughNginx("1|" + "x".repeat(40), "1").status()).isEqualTo(401);
        assertThat(throughNginx(annsToken, "999").body())
                .as("the caller's own header is replaced")
                .contains("x-whitelabel-user-id=" + ann.id())
                .doesNotContain("999");
    }

    @Test
    void a_location_that_names_an_ability_lets_through_only_a_token_that_holds_it() {
        String reader = running.token(
                ann,
                NewToken.named("reader").holding(Optional.of(new Abilities(List.of("orders:read", "invoices:read")))));
        String writer = running.token(
                ann, NewToken.named("writer").holding(Optional.of(new Abilities(List.of("orders:write")))));

        var readerOnInvoices = throughNginx(reader, null);
        var readerOnOrders = throughNginx("/orders/42", reader, null);
        var writerOnOrders = throughNginx("/orders/42", writer, null);
        var everythingOnOrders = throughNginx("/orders/42", annsToken, null);
        var claimedOnOrders = throughNginx("/orders/42", reader, "999");

        assertThat(readerOnInvoices.status()).isEqualTo(200);
        assertThat(readerOnInvoices.body()).contains("x-whitelabel-abilities=orders:read invoices:read");
        assertThat(readerOnOrders.status()).isEqualTo(403);
        assertThat(claimedOnOrders.status()).isEqualTo(403);
        assertThat(writerOnOrders.status()).isEqualTo(200);
        assertThat(writerOnOrders.body()).contains("x-whitelabel-abilities=orders:write");
        assertThat(everythingOnOrders.status()).isEqualTo(200);
        assertThat(throughNginx("/orders/42", null, null).status()).isEqualTo(401);

        running.api.postJson(
                "/api/white-label/logout",
                RunningApi.adminToken(acme),
                "{\"user_id\":" + ann.id() + ",\"token_id\":" + RunningApi.idOf(writer) + "}");
        assertThat(throughNginx("/orders/42", writer, null).status()).isEqualTo(401);
    }
}
