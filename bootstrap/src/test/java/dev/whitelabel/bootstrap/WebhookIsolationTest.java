package dev.whitelabel.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.whitelabel.adapters.http.webhooks.HttpWebhookSender;
import dev.whitelabel.adapters.persistence.BcryptPasswordHasher;
import dev.whitelabel.adapters.persistence.Database;
import dev.whitelabel.adapters.persistence.DatabaseSettings;
import dev.whitelabel.adapters.persistence.jdbi.JdbiStorage;
import dev.whitelabel.application.WhitelabelUseCases;
import dev.whitelabel.domain.model.Actor;
import dev.whitelabel.domain.model.DeliveryLimits;
import dev.whitelabel.domain.model.EmailAddress;
import dev.whitelabel.domain.model.LogoutTarget;
import dev.whitelabel.domain.model.NewPlatform;
import dev.whitelabel.domain.model.NewPlatformUser;
import dev.whitelabel.domain.model.PageRequest;
import dev.whitelabel.domain.model.User;
import dev.whitelabel.domain.model.WebhookDelivery;
import dev.whitelabel.domain.model.WebhookPolicy;
import dev.whitelabel.domain.port.in.CreateWebhookCommand;
import dev.whitelabel.domain.port.in.WebhookDeliveriesQuery;
import dev.whitelabel.domain.port.out.HostResolver;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One platform's receiver answers 200 and then trickles its body a byte a second, on every connection,
 * while its platform's logouts keep coming; another platform's events still arrive within a second
 * each, for {@link #LASTING}. Its attempts end by their deadline and count as failed.
 */
class WebhookIsolationTest {

    /** Two minutes, as the issue asks; {@code -Dwhitelabel.isolation.seconds=N} runs it shorter by hand. */
    static final Duration LASTING = Duration.ofSeconds(Long.getLong("whitelabel.isolation.seconds", 120));

    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @TempDir
    Path directory;

    final TestDatabases databases = new TestDatabases();
    final ExecutorService trickling = Executors.newCachedThreadPool();
    final BlockingQueue<Long> arrived = new LinkedBlockingQueue<>();
    final List<WhitelabelUseCases> instances = new ArrayList<>();
    ServerSocket trickler;
    HttpServer fast;

    @AfterEach
    void close() throws Exception {
        databases.close();
        trickling.shutdownNow();
        if (trickler != null) {
            trickler.close();
        }
        if (fast != null) {
            fast.stop(0);
        }
    }

    /** Accepts every connection, answers 200 headers, then one byte of a chunked body a second. */
    void startTrickler() throws IOException {
        trickler = new ServerSocket(0, 200, LOOPBACK);
        trickling.submit(() -> {
            while (!trickler.isClosed()) {
                Socket socket = trickler.accept();
                trickling.submit(() -> trickle(socket));
            }
            return null;
        });
    }

    private static Void trickle(Socket socket) throws IOException, InterruptedException {
        try (socket) {
            socket.getInputStream().read();
            OutputStream out = socket.getOutputStream();
            out.write("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            while (true) {
                out.write("1\r\nx\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                Thread.sleep(1000);
            }
        } catch (IOException hungUp) {
            return null;
        }
    }

    void startFast() throws IOException {
        fast = HttpServer.create(new InetSocketAddress(LOOPBACK, 0), 0);
        fast.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            arrived.add(System.nanoTime());
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        fast.setExecutor(Executors.newFixedThreadPool(4));
        fast.start();
    }

    void start(String url, int count) {
        for (int i = 0; i < count; i++) {
            var pool = databases.closeLater(Database.open(DatabaseSettings.of(url)));
            var instance = new WhitelabelUseCases(
                    JdbiStorage.over(pool), new BcryptPasswordHasher(4), Clock.systemUTC(), new WebhookPolicy(true));
            var limits = DeliveryLimits.DEFAULT;
            var sender = new HttpWebhookSender(
                    new WebhookPolicy(true), HostResolver.SYSTEM, limits.attemptDeadline(), Clock.systemUTC());
            databases.closeLater(new WebhookDispatcher(
                    instance.deliverWebhooks(sender, limits),
                    limits.attemptDeadline(),
                    sender::close,
                    new PrometheusMeterRegistry(PrometheusConfig.DEFAULT)));
            instances.add(instance);
        }
    }

    record Tenant(Actor admin, User user, long endpointId) {}

    Tenant tenant(String name, int port) {
        var useCases = instances.get(0);
        var platform = useCases.createPlatform()
                .create(new NewPlatform(name, new EmailAddress("admin@" + name + ".test"), "Ada"));
        var admin = Actor.whiteLabelAdmin(platform.admin());
        var endpoint = useCases.createWebhook()
                .create(new CreateWebhookCommand(admin, "http://127.0.0.1:" + port + "/hooks", Set.of()))
                .endpoint();
        var user = useCases.createPlatformUser()
                .create(
                        platform.platform().id(),
                        new NewPlatformUser("Ann", new EmailAddress("ann@" + name + ".test")));
        return new Tenant(admin, user, endpoint.id());
    }

    void logout(int instance, Tenant tenant) {
        instances
                .get(instance % instances.size())
                .logoutPlatformUser()
                .logout(tenant.admin(), LogoutTarget.user(tenant.user().id()));
    }

    void oneTenantsTrickleDoesNotDelayAnothers(String url, int count) throws Exception {
        startTrickler();
        startFast();
        start(url, count);
        var hostile = tenant("hostile", trickler.getLocalPort());
        var other = tenant("other", fast.getAddress().getPort());

        List<Long> waits = new ArrayList<>();
        long until = System.nanoTime() + LASTING.toNanos();
        for (int i = 0; System.nanoTime() < until; i++) {
            for (int j = 0; j < 5; j++) {
                logout(i + j, hostile);
            }
            long loggedOut = System.nanoTime();
            logout(i, other);
            Long arrival = arrived.poll(1, TimeUnit.SECONDS);
            assertThat(arrival)
                    .as("the other platform's event %d arrived within a second", i)
                    .isNotNull();
            waits.add(TimeUnit.NANOSECONDS.toMillis(arrival - loggedOut));
            Thread.sleep(200);
        }

        assertThat(waits).hasSizeGreaterThan((int) LASTING.toSeconds() / 2);
        var deliveries = instances.get(0).listWebhookDeliveries();
        int pages = deliveries
                .deliveries(new WebhookDeliveriesQuery(hostile.admin(), hostile.endpointId(), new PageRequest(1, 100)))
                .lastPage();
        List<WebhookDelivery> attempted = new ArrayList<>();
        for (int page = 1; page <= pages; page++) {
            attempted.addAll(deliveries
                    .deliveries(new WebhookDeliveriesQuery(
                            hostile.admin(), hostile.endpointId(), new PageRequest(page, 100)))
                    .items());
        }
        attempted.removeIf(delivery -> delivery.attempts() == 0);
        assertThat(attempted)
                .as("the trickler's attempts ended by their deadline and were counted")
                .isNotEmpty()
                .allSatisfy(delivery -> assertThat(delivery.lastError())
                        .hasValueSatisfying(error -> assertThat(error).startsWith("timed out")));
    }

    @Test
    void on_h2_one_platforms_trickling_receiver_never_delays_another_platforms_events() throws Exception {
        oneTenantsTrickleDoesNotDelayAnothers(databases.url("h2", directory), 1);
    }

    @Test
    void on_two_instances_on_postgresql_one_platforms_trickling_receiver_never_delays_another_platforms_events()
            throws Exception {
        oneTenantsTrickleDoesNotDelayAnothers(databases.url("postgresql", directory), 2);
    }
}
