package dev.whitelabel.adapters.http;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.whitelabel.adapters.http.ssf.NimbusSecurityEventSigner;
import dev.whitelabel.adapters.http.ssf.SealedKeys;
import dev.whitelabel.adapters.persistence.BcryptPasswordHasher;
import dev.whitelabel.adapters.persistence.Database;
import dev.whitelabel.adapters.persistence.DatabaseSettings;
import dev.whitelabel.adapters.persistence.TestPostgres;
import dev.whitelabel.adapters.persistence.jdbi.JdbiStorage;
import dev.whitelabel.adapters.persistence.memory.InMemoryStorage;
import dev.whitelabel.application.WhitelabelUseCases;
import dev.whitelabel.domain.model.Actor;
import dev.whitelabel.domain.model.EmailAddress;
import dev.whitelabel.domain.model.NewPlatform;
import dev.whitelabel.domain.model.NewPlatformUser;
import dev.whitelabel.domain.model.NewToken;
import dev.whitelabel.domain.model.PlatformCreated;
import dev.whitelabel.domain.model.ServiceClientCreated;
import dev.whitelabel.domain.model.User;
import dev.whitelabel.domain.model.WebhookPolicy;
import dev.whitelabel.domain.port.out.SecurityEventSigner;
import dev.whitelabel.domain.port.out.Storage;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real server on a free port over the real use cases, fresh for each test, on the in-memory
 * adapter unless told otherwise (an H2 file, or a fresh PostgreSQL schema when
 * WHITELABEL_TEST_PG_URL is set); register it with {@code @RegisterExtension}.
 */
final class RunningApi implements BeforeEachCallback, AfterEachCallback {

    enum Store {
        MEMORY,
        H2,
        POSTGRESQL
    }

    /** The defaults, but a stop that does not wait for the test client's idle connections. */
    static final HttpSettings SETTINGS = new HttpSettings(
            HttpSettings.DEFAULT_MAX_BODY_BYTES,
            HttpSettings.DEFAULT_BODY_TIMEOUT,
            HttpSettings.DEFAULT_MAX_BUFFERED_BODY_BYTES,
            HttpSettings.DEFAULT_MAX_THREADS,
            Duration.ZERO,
            Optional.empty());

    private final HttpSettings settings;
    private final Store store;
    private final List<AutoCloseable> opened = new ArrayList<>();
    Storage storage;
    WhitelabelUseCases useCases;
    SecurityEventSigner signer;
    PublicUrl publicUrl;
    private boolean allowPrivateTargets;
    HttpServer server;
    ApiClient api;

    RunningApi() {
        this(SETTINGS, Store.MEMORY);
    }

    RunningApi(HttpSettings settings, Store store) {
        this.settings = settings;
        this.store = store;
    }

    /**
     * Every route group, as bootstrap's HttpApi hands them out (this module cannot see bootstrap; its
     * EmbeddedServerTest holds HttpApi to the OpenAPI document, OperationsTest holds this list to it).
     */
    static RouteGroups everyRoute(WhitelabelUseCases u, SecurityEventSigner signer, PublicUrl publicUrl) {
        var transmitter = u.transmitter(signer);
        return support -> List.of(
                new OAuthRoutes(u.introspectToken(), u.revokeToken(), support),
                new SelfServiceRoutes(
                        u.logoutSelf(),
                        u.createApiKey(),
                        u.listApiKeys(),
                        u.deleteApiKey(),
                        u.listUserTokens(),
                        u.changeOwnPassword(),
                        support),
                new LogoutRoute(u.logoutPlatformUser(), support),
                new AccountRoutes(u.registerPlatformUser(), u.loginPlatformUser(), u.createToken(), support),
                new ListingRoutes(u.listPlatformUsers(), u.listUserTokens(), u.readAuditTrail()),
                new AccountLifecycleRoutes(u.setPassword(), u.disableUser(), u.enableUser(), u.deleteUser(), support),
                new SettingsRoutes(u.readSessionCap(), u.changeSessionCap(), support),
                new ServiceClientRoutes(
                        u.createServiceClient(), u.listServiceClients(), u.deleteServiceClient(), support),
                new WebhookRoutes(
                        u.createWebhook(),
                        u.listWebhooks(),
                        u.findWebhook(),
                        u.enableWebhook(),
                        u.deleteWebhook(),
                        u.listWebhookDeliveries(),
                        u.retryDelivery(),
                        support),
                new SharedSignalsRoutes(
                        transmitter.findTransmitter(),
                        transmitter.publishSigningKeys(),
                        u.createEventStream(),
                        u.listEventStreams(),
                        u.findEventStream(),
                        u.updateEventStream(),
                        u.deleteEventStream(),
                        u.changeStreamStatus(),
                        u.changeStreamSubjects(),
                        u.verifyEventStream(),
                        transmitter.pollSecurityEvents(),
                        u.authenticateReceiver(),
                        publicUrl,
                        support));
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        storage = storage();
        useCases = new WhitelabelUseCases(
                storage, new BcryptPasswordHasher(4), Clock.systemUTC(), new WebhookPolicy(allowPrivateTargets));
        // the issuers name the port, so it is chosen before the server starts
        int port = freePort();
        publicUrl = new PublicUrl("http://127.0.0.1:" + port);
        signer = new NimbusSecurityEventSigner(new SealedKeys(SealedKeys.newServerKey()), publicUrl, Clock.systemUTC());
        server = HttpServer.create(
                        useCases.authenticateToken(),
                        useCases.checkHealth(),
                        everyRoute(useCases, signer, publicUrl),
                        settings)
                .start("127.0.0.1", port);
        api = new ApiClient(server.port());
    }

    /** Receivers of webhooks and pushed security events on this machine may be targets. */
    RunningApi allowingPrivateTargets() {
        allowPrivateTargets = true;
        return this;
    }

    private static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private Storage storage() throws Exception {
        String url = switch (store) {
            case MEMORY -> null;
            case H2 -> {
                Path directory = Files.createTempDirectory("whitelabel-http-test");
                opened.add(() -> deleteAll(directory));
                yield DatabaseSettings.embeddedH2Url(directory.resolve("whitelabel"));
            }
            case POSTGRESQL -> {
                assumeTrue(System.getenv(TestPostgres.URL_VARIABLE) != null, TestPostgres.URL_VARIABLE + " is not set");
                var schema = TestPostgres.freshSchema();
                opened.add(schema);
                yield schema.url();
            }
        };
        if (url == null) {
            return InMemoryStorage.create();
        }
        var dataSource = Database.open(DatabaseSettings.of(url));
        opened.add(dataSource);
        return JdbiStorage.over(dataSource);
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        if (server != null) {
            server.stop();
        }
        Collections.reverse(opened);
        for (var resource : opened) {
            resource.close();
        }
        opened.clear();
    }

    private static void deleteAll(Path directory) throws IOException {
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    PlatformCreated platform(String name) {
        return useCases.createPlatform()
                .create(new NewPlatform(name, new EmailAddress("admin@" + name + ".test"), "Admin"));
    }

    User user(PlatformCreated platform, String email) {
        return useCases.createPlatformUser()
                .create(platform.platform().id(), new NewPlatformUser("Ann", new EmailAddress(email)));
    }

    String token(User user) {
        return token(user, NewToken.named("api-token"));
    }

    String token(User user, NewToken request) {
        return useCases.createToken().forAnyUser(user.id(), request).token().value();
    }

    /** A token of Gus, a user of a second platform, globex: the other tenant. */
    String globexUsersToken() {
        return token(user(platform("globex"), "gus@globex.test"));
    }

    ServiceClientCreated serviceClient(PlatformCreated platform) {
        return useCases.createServiceClient().create(Actor.whiteLabelAdmin(platform.admin()), "api");
    }

    static String adminToken(PlatformCreated platform) {
        return platform.adminToken().token().value();
    }

    static long idOf(String token) {
        return Long.parseLong(token.substring(0, token.indexOf('|')));
    }

    int me(String token) {
        return api.get("/api/user/me", token).status();
    }
}
