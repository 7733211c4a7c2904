package dev.whitelabel.adapters.http.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.whitelabel.adapters.persistence.BcryptPasswordHasher;
import dev.whitelabel.adapters.persistence.memory.InMemoryStorage;
import dev.whitelabel.application.WhitelabelUseCases;
import dev.whitelabel.domain.model.Actor;
import dev.whitelabel.domain.model.AuditEvent.AuditAction;
import dev.whitelabel.domain.model.EmailAddress;
import dev.whitelabel.domain.model.LoginThrottle;
import dev.whitelabel.domain.model.LogoutScope;
import dev.whitelabel.domain.model.LogoutTarget;
import dev.whitelabel.domain.model.NewPlatform;
import dev.whitelabel.domain.model.NewPlatformUser;
import dev.whitelabel.domain.model.PageRequest;
import dev.whitelabel.domain.model.WebhookEventType;
import dev.whitelabel.domain.model.WebhookPolicy;
import dev.whitelabel.domain.port.in.CreateWebhookCommand;
import dev.whitelabel.domain.port.in.WebhookDeliveriesQuery;
import dev.whitelabel.domain.port.out.DueDelivery;
import dev.whitelabel.domain.port.out.HostResolver;
import dev.whitelabel.domain.port.out.WebhookSender.Outcome;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The sender against receivers on this machine, with a resolver the test controls: what is sent, what
 * is kept of the answer, what a failure reads like, and that the addresses connected to are the ones
 * the policy allowed.
 */
class HttpWebhookSenderTest {

    static final Duration DEADLINE = Duration.ofSeconds(5);

    record Received(String method, String path, Map<String, String> headers, String body) {}

    static final String NAME = "hooks.acme.test";
    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();
    static final Map<String, String> SIGNED =
            Map.of("webhook-id", "msg_1", "webhook-signature", "v1,c2ln", "Content-Type", "application/json");

    final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    final ExecutorService handlers = Executors.newCachedThreadPool();
    final HttpServer receiver = receiver();
    final CountDownLatch slowLookups = new CountDownLatch(1);
    /** {@link #NAME} is this machine; slow.acme.test takes longer than any timeout; other names do not resolve. */
    final HostResolver resolver = host -> switch (host) {
        case NAME -> List.of(LOOPBACK);
        case "slow.acme.test" -> {
            try {
                slowLookups.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new UnknownHostException(host);
        }
        default -> throw new UnknownHostException(host);
    };

    final HttpWebhookSender sender =
            new HttpWebhookSender(new WebhookPolicy(true), resolver, DEADLINE, Clock.systemUTC());

    HttpServer receiver() {
        try {
            var server = HttpServer.create(new InetSocketAddress(LOOPBACK, 0), 0);
            server.setExecutor(handlers);
            server.createContext("/", exchange -> {
                Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                received.add(new Received(
                        exchange.getRequestMethod(), exchange.getRequestURI().getPath(), headers, body));
                switch (exchange.getRequestURI().getPath()) {
                    case "/moved" -> {
                        exchange.getResponseHeaders().add("Location", "/elsewhere");
                        exchange.sendResponseHeaders(302, -1);
                    }
                    case "/endless" -> {
                        exchange.sendResponseHeaders(200, 0);
                        try (var out = exchange.getResponseBody()) {
                            byte[] chunk = new byte[8192];
                            while (true) {
                                out.write(chunk);
                            }
                        } catch (IOException hungUp) {
                            // what the sender does once it read enough
                        }
                    }
                    default -> exchange.sendResponseHeaders(204, -1);
                }
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void close() {
        slowLookups.countDown();
        sender.close();
        receiver.stop(0);
        handlers.shutdownNow();
    }

    String url(String host, String path) {
        return "http://" + host + ":" + receiver.getAddress().getPort() + path;
    }

    static Outcome outcome(CompletableFuture<Outcome> sending) {
        return sending.orTimeout(DEADLINE.toSeconds() * 3, TimeUnit.SECONDS).join();
    }

    @Test
    void a_webhook_is_posted_to_the_checked_address_in_the_urls_name() throws Exception {
        var outcome = outcome(sender.post(url(NAME, "/hooks"), SIGNED, "{\"type\":\"token.revoked\"}"));

        assertThat(outcome).isEqualTo(new Outcome(Optional.of(204), Optional.empty()));
        var request = received.poll(1, TimeUnit.SECONDS);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/hooks");
        assertThat(request.body()).isEqualTo("{\"type\":\"token.revoked\"}");
        assertThat(request.headers())
                .containsEntry("Host", NAME + ":" + receiver.getAddress().getPort())
                .containsEntry("User-Agent", "whitelabel-webhooks")
                .containsEntry("Content-Type", "application/json")
                .containsEntry("webhook-id", "msg_1")
                .containsEntry("webhook-signature", "v1,c2ln")
                .doesNotContainKey("Cookie");
    }

    @Test
    void a_claimed_delivery_is_posted_as_the_signed_standard_webhook_of_its_event() throws Exception {
        var event = StandardWebhookMessageTest.event(
                WebhookEventType.USER_LOGGED_OUT,
                LogoutScope.ALL,
                2,
                StandardWebhookMessageTest.ADMIN,
                AuditAction.LOGOUT_ALL);
        var sentAt = Instant.parse("2026-11-28T21:01:00Z");
        var expected = StandardWebhookMessage.of(StandardWebhookMessageTest.SECRET, event, sentAt);

        try (var atOneTime = new HttpWebhookSender(
                new WebhookPolicy(true), resolver, DEADLINE, Clock.fixed(sentAt, ZoneOffset.UTC))) {
            assertThat(outcome(atOneTime.send(new DueDelivery(
                                    1,
                                    1,
                                    url(NAME, "/hooks"),
                                    StandardWebhookMessageTest.SECRET,
                                    event,
                                    0,
                                    sentAt,
                                    false)))
                            .delivered())
                    .isTrue();
        }

        var request = received.poll(1, TimeUnit.SECONDS);
        assertThat(request.body()).isEqualTo(expected.body());
        assertThat(request.headers()).containsAllEntriesOf(expected.headers());
    }

    @Test
    void a_redirect_is_not_followed() throws Exception {
        assertThat(outcome(sender.post(url(NAME, "/moved"), SIGNED, "{}")).status())
                .contains(302);
        assertThat(received.poll(1, TimeUnit.SECONDS).path()).isEqualTo("/moved");
        assertThat(received.poll(500, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void an_endless_answer_is_cut_off_and_its_status_stands() {
        long started = System.nanoTime();

        assertThat(outcome(sender.post(url(NAME, "/endless"), SIGNED, "{}")))
                .isEqualTo(new Outcome(Optional.of(200), Optional.empty()));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(DEADLINE);
    }

    /** The policy's rule, applied to what the name resolves to as the connection is made. */
    @Test
    void a_target_the_policy_refuses_gets_no_connection() throws Exception {
        HostResolver publicName = host -> List.of(InetAddress.getByName("8.8.8.8"));
        try (var loopbackName = new HttpWebhookSender(
                        WebhookPolicy.publicTargetsOnly(), resolver, DEADLINE, Clock.systemUTC());
                var mailPort = new HttpWebhookSender(
                        WebhookPolicy.publicTargetsOnly(), publicName, DEADLINE, Clock.systemUTC())) {
            assertThat(outcome(loopbackName.post(url(NAME, "/hooks"), SIGNED, "{}"))
                            .error())
                    .contains("target refused: The url field must point to a public address.");
            assertThat(outcome(mailPort.post("http://" + NAME + ":25/hooks", SIGNED, "{}"))
                            .error())
                    .contains("target refused: The url field's port must be 80, 443, or 1024 or above.");
        }
        assertThat(received.poll(500, TimeUnit.MILLISECONDS)).isNull();
    }

    /**
     * A closed port, a name that does not resolve and one that resolves too slowly read alike: the
     * deliveries listing must not tell a closed port from a filtered one. Only a receiver that took the
     * connection is said to have given no answer.
     */
    @Test
    void a_failure_reads_in_words_and_never_tells_a_closed_port_from_a_filtered_one() throws Exception {
        int closedPort;
        try (var socket = new ServerSocket(0, 1, LOOPBACK)) {
            closedPort = socket.getLocalPort();
        }
        try (var silent = new ServerSocket(0, 1, LOOPBACK);
                var plain = new ServerSocket(0, 1, LOOPBACK)) {
            handlers.execute(() -> {
                try (var connection = plain.accept()) {
                    // the ClientHello read first, and the connection kept until the sender hangs up: an
                    // answer written to a socket closed at once could reach it as a reset, not as bytes
                    var in = connection.getInputStream();
                    in.read();
                    connection
                            .getOutputStream()
                            .write("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    while (in.read() >= 0) {}
                } catch (IOException e) {
                    // the test is over
                }
            });
            var closed = sender.post("http://" + NAME + ":" + closedPort + "/", SIGNED, "{}");
            var unknown = sender.post("http://nowhere.acme.test:8080/", SIGNED, "{}");
            var slow = sender.post("http://slow.acme.test:8080/", SIGNED, "{}");
            var noAnswer = sender.post("http://" + NAME + ":" + silent.getLocalPort() + "/", SIGNED, "{}");
            var notTls = sender.post("https://" + NAME + ":" + plain.getLocalPort() + "/", SIGNED, "{}");
            var malformed = sender.post("http://[::1/", SIGNED, "{}");

            assertThat(outcome(closed).error()).contains("could not connect");
            assertThat(outcome(unknown).error()).contains("could not connect");
            assertThat(outcome(slow).error()).contains("could not connect");
            assertThat(outcome(noAnswer).error()).contains("timed out after 5000 ms");
            assertThat(outcome(notTls).error()).contains("TLS failed");
            assertThat(outcome(malformed).error()).contains("not sent");
        }
    }

    @Test
    void closing_ends_the_senders_threads_and_a_send_after_it_still_has_an_outcome() {
        outcome(sender.post(url(NAME, "/hooks"), SIGNED, "{}"));

        sender.close();

        assertThat(Thread.getAllStackTraces().keySet())
                .noneMatch(thread -> thread.getName().startsWith(HttpWebhookSender.THREADS));
        assertThat(outcome(sender.post(url(NAME, "/hooks"), SIGNED, "{}")).error())
                .isPresent();
    }

    /**
     * DNS rebinding: the name answers a public address when the endpoint is created, and this machine
     * when the event is sent. The sender checks what it is about to connect to, so the receiver here
     * never hears of it.
     */
    @Test
    void a_name_that_resolves_elsewhere_after_its_endpoint_was_created_gets_no_connection() throws Exception {
        var lookups = new AtomicInteger();
        var publicAddress = InetAddress.getByName("93.184.215.14");
        HostResolver rebinding = host -> List.of(lookups.incrementAndGet() == 1 ? publicAddress : LOOPBACK);
        var policy = WebhookPolicy.publicTargetsOnly();
        var useCases = new WhitelabelUseCases(
                InMemoryStorage.create(),
                new BcryptPasswordHasher(4),
                Clock.systemUTC(),
                policy,
                LoginThrottle.DEFAULT,
                rebinding);
        var acme =
                useCases.createPlatform().create(new NewPlatform("Acme", new EmailAddress("admin@acme.test"), "Ada"));
        var admin = Actor.whiteLabelAdmin(acme.admin());
        var endpoint = useCases.createWebhook()
                .create(new CreateWebhookCommand(admin, url(NAME, "/hooks"), Set.of()))
                .endpoint();
        var ann = useCases.createPlatformUser()
                .create(acme.platform().id(), new NewPlatformUser("Ann", new EmailAddress("ann@acme.test")));
        useCases.logoutPlatformUser().logout(admin, LogoutTarget.user(ann.id()));

        try (var checking = new HttpWebhookSender(policy, rebinding, DEADLINE, Clock.systemUTC())) {
            assertThat(useCases.deliverWebhooks(checking).deliverDue().retrying())
                    .isEqualTo(1);
        }

        assertThat(received.poll(500, TimeUnit.MILLISECONDS)).isNull();
        assertThat(lookups.get()).as("one lookup to create, one to send").isEqualTo(2);
        assertThat(useCases.listWebhookDeliveries()
                        .deliveries(new WebhookDeliveriesQuery(admin, endpoint.id(), PageRequest.first()))
                        .items())
                .singleElement()
                .satisfies(delivery -> assertThat(delivery.lastError())
                        .contains("target refused: The url field must point to a public address."));
    }
}
