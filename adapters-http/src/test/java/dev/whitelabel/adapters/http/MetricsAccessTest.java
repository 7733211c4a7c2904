package dev.whitelabel.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.whitelabel.adapters.persistence.BcryptPasswordHasher;
import dev.whitelabel.adapters.persistence.memory.InMemoryStorage;
import dev.whitelabel.application.WhitelabelUseCases;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Who may read /metrics: the holder of the scrape token, or without one, clients on this host only. */
class MetricsAccessTest {

    static final String SCRAPE_TOKEN = "scrape-token-0123456789abcdef";

    static HttpServer server(HttpSettings settings) {
        var useCases = new WhitelabelUseCases(InMemoryStorage.create(), new BcryptPasswordHasher(4), Clock.systemUTC());
        return HttpServer.create(useCases.authenticateToken(), useCases.checkHealth(), support -> List.of(), settings)
                .start("0.0.0.0", 0);
    }

    static int scrape(String host, int port, String authorization) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + "/metrics"));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HttpClient.newHttpClient()
                .send(request.build(), HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    /** An address of this machine that is not loopback, so that a request to it comes from it. */
    static Optional<String> outsideAddress() throws SocketException {
        return NetworkInterface.networkInterfaces()
                .flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
                .map(InetAddress::getHostAddress)
                .findFirst();
    }

    @Test
    void without_a_token_only_this_host_may_scrape() throws Exception {
        Optional<String> outside = outsideAddress();
        assumeTrue(outside.isPresent(), "this machine has no address besides loopback");
        var server = server(RunningApi.SETTINGS);
        try {
            assertThat(scrape("127.0.0.1", server.port(), null)).isEqualTo(200);
            assertThat(scrape(outside.get(), server.port(), null)).isEqualTo(403);
            assertThat(scrape(outside.get(), server.port(), "Bearer anything")).isEqualTo(403);
        } finally {
            server.stop();
        }
    }

    @Test
    void with_a_token_every_scraper_must_present_it_loopback_included() throws Exception {
        var server = server(RunningApi.SETTINGS.withMetricsToken(SCRAPE_TOKEN));
        try {
            assertThat(scrape("127.0.0.1", server.port(), null)).isEqualTo(401);
            assertThat(scrape("127.0.0.1", server.port(), "Bearer wrong-token")).isEqualTo(401);
            assertThat(scrape("127.0.0.1", server.port(), "Bearer " + SCRAPE_TOKEN + "x"))
                    .isEqualTo(401);
            assertThat(scrape("127.0.0.1", server.port(), "Basic " + SCRAPE_TOKEN))
                    .isEqualTo(401);
            assertThat(scrape("127.0.0.1", server.port(), "Bearer " + SCRAPE_TOKEN))
                    .isEqualTo(200);
            assertThat(scrape("127.0.0.1", server.port(), "bearer " + SCRAPE_TOKEN))
                    .isEqualTo(200);
            Optional<String> outside = outsideAddress();
            if (outside.isPresent()) {
                assertThat(scrape(outside.get(), server.port(), "Bearer " + SCRAPE_TOKEN))
                        .isEqualTo(200);
            }
        } finally {
            server.stop();
        }
    }

    @Test
    void the_token_never_shows_in_the_settings() {
        assertThat(RunningApi.SETTINGS.withMetricsToken(SCRAPE_TOKEN).toString())
                .doesNotContain(SCRAPE_TOKEN);
    }
}
