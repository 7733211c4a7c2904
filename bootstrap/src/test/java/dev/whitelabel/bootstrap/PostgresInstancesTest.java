package dev.whitelabel.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.whitelabel.adapters.http.HttpServer;
import dev.whitelabel.adapters.http.HttpSettings;
import dev.whitelabel.adapters.persistence.DatabaseSettings;
import dev.whitelabel.adapters.persistence.TestPostgres;
import dev.whitelabel.domain.model.Actor;
import dev.whitelabel.domain.model.EmailAddress;
import dev.whitelabel.domain.model.NewPlatform;
import dev.whitelabel.domain.model.NewPlatformUser;
import dev.whitelabel.domain.model.NewToken;
import dev.whitelabel.domain.model.PlatformCreated;
import dev.whitelabel.domain.model.User;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.util.Base64;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** Several stateless instances on one PostgreSQL: each with its own pool, as separate JVMs would have. */
@EnabledIfEnvironmentVariable(
        named = TestPostgres.URL_VARIABLE,
        matches = ".+",
        disabledReason = "set WHITELABEL_TEST_PG_URL (e.g. jdbc:postgresql://127.0.0.1:5432/test?user=postgres) to run")
class PostgresInstancesTest {

    final HttpClient http = HttpClient.newHttpClient();
    final TestDatabases databases = new TestDatabases();
    String url;

    @BeforeEach
    void freshSchema() {
        url = databases.url("postgresql", null);
    }

    @AfterEach
    void closeAll() throws Exception {
        databases.close();
    }

    Wiring instance() {
        return databases.closeLater(Wiring.open(DatabaseSettings.of(url)));
    }

    HttpServer serve(Wiring wiring) {
        var server = HttpApi.create(wiring.useCases(), HttpSettings.defaults()).start("127.0.0.1", 0);
        databases.closeLater(server::stop);
        return server;
    }

    int send(HttpServer server, String path, String token, String json) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Authorization", "Bearer " + token);
        if (json == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    /** Two instances of the product on one database, each serving HTTP. */
    record Instances(Wiring first, Wiring second, HttpServer a, HttpServer b) {}

    Instances twoInstances() {
        Wiring first = instance();
        Wiring second = instance();
        return new Instances(first, second, serve(first), serve(second));
    }

    @Test
    void two_instances_starting_together_on_an_empty_database_migrate_it_once_and_both_serve() throws Exception {
        var start = new CountDownLatch(1);
        Callable<Wiring> boot = () -> {
            start.await();
            return instance();
        };
        var pool = Executors.newFixedThreadPool(2);
        try {
            var first = pool.submit(boot);
            var second = pool.submit(boot);
            start.countDown();
            var a = serve(first.get());
            var b = serve(second.get());

            assertThat(a.port()).isNotEqualTo(b.port());
        } finally {
            pool.shutdown();
        }
        try (var connection = DriverManager.getConnection(url);
                var rows = connection
                        .createStatement()
                        .executeQuery("select count(*) from flyway_schema_history where version = '1' and success")) {
            rows.next();
            assertThat(rows.getInt(1)).isEqualTo(1);
        }
    }

    static PlatformCreated acme(Wiring instance) {
        return instance.useCases()
                .createPlatform()
                .create(new NewPlatform("Acme", new EmailAddress("admin@acme.test"), "Ada"));
    }

    static User ann(Wiring instance, PlatformCreated platform) {
        return instance.useCases()
                .createPlatformUser()
                .create(platform.platform().id(), new NewPlatformUser("Ann", new EmailAddress("ann@acme.test")));
    }

    @Test
    void a_logout_on_one_instance_is_a_401_on_the_other_on_the_very_next_request() throws Exception {
        var two = twoInstances();
        var acme = acme(two.first());
        var ann = ann(two.first(), acme);
        String admin = acme.adminToken().token().value();
        var phone = two.first().useCases().createToken().forAnyUser(ann.id(), NewToken.named("phone"));
        var laptop = two.first().useCases().createToken().forAnyUser(ann.id(), NewToken.named("laptop"));
        assertThat(send(two.b(), "/api/user/me", phone.token().value(), null)).isEqualTo(200);

        assertThat(send(
                        two.a(),
                        "/api/white-label/logout",
                        admin,
                        "{\"user_id\":" + ann.id() + ",\"token_id\":" + phone.tokenId() + "}"))
                .isEqualTo(200);
        assertThat(send(two.b(), "/api/user/me", phone.token().value(), null)).isEqualTo(401);
        assertThat(send(two.b(), "/api/user/me", laptop.token().value(), null)).isEqualTo(200);

        assertThat(send(two.b(), "/api/white-label/logout", admin, "{\"email\":\"ann@acme.test\"}"))
                .isEqualTo(200);
        assertThat(send(two.a(), "/api/user/me", laptop.token().value(), null)).isEqualTo(401);
    }

    /** Disable and delete end the user's sessions for every instance at once; failed logins are counted across them. */
    @Test
    void a_disabled_or_deleted_users_tokens_are_refused_by_the_other_instance_at_once() throws Exception {
        var two = twoInstances();
        var acme = acme(two.first());
        var ann = ann(two.first(), acme);
        String admin = acme.adminToken().token().value();
        var phone = two.first().useCases().createToken().forAnyUser(ann.id(), NewToken.named("phone"));
        assertThat(send(two.b(), "/api/user/me", phone.token().value(), null)).isEqualTo(200);

        assertThat(send(two.a(), "/api/white-label/users/" + ann.id() + "/disable", admin, ""))
                .isEqualTo(200);
        assertThat(send(two.b(), "/api/user/me", phone.token().value(), null)).isEqualTo(401);
        assertThat(send(two.b(), "/api/white-label/token", admin, "{\"user_id\":" + ann.id() + "}"))
                .isEqualTo(422);

        assertThat(send(two.b(), "/api/white-label/users/" + ann.id() + "/enable", admin, ""))
                .isEqualTo(200);
        var laptop = two.second().useCases().createToken().forAnyUser(ann.id(), NewToken.named("laptop"));
        assertThat(send(two.a(), "/api/user/me", laptop.token().value(), null)).isEqualTo(200);

        var userOnB = URI.create("http://127.0.0.1:" + two.b().port() + "/api/white-label/users/" + ann.id());
        var deleted = http.send(
                HttpRequest.newBuilder(userOnB)
                        .header("Authorization", "Bearer " + admin)
                        .DELETE()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(deleted.statusCode()).isEqualTo(200);
        assertThat(send(two.a(), "/api/user/me", laptop.token().value(), null)).isEqualTo(401);
        assertThat(send(two.a(), "/api/white-label/users/" + ann.id() + "/tokens", admin, null))
                .isEqualTo(404);
    }

    @Test
    void failed_logins_on_one_instance_count_on_the_other() throws Exception {
        var two = twoInstances();
        String admin = acme(two.first()).adminToken().token().value();
        String guess = "{\"email\":\"ann@acme.test\",\"password\":\"wrong horse\"}";

        for (int i = 0; i < 5; i++) {
            assertThat(send(i % 2 == 0 ? two.a() : two.b(), "/api/white-label/login", admin, guess))
                    .isEqualTo(401);
        }

        assertThat(send(two.a(), "/api/white-label/login", admin, guess)).isEqualTo(429);
        assertThat(send(two.b(), "/api/white-label/login", admin, guess)).isEqualTo(429);
    }

    HttpResponse<String> door(HttpServer server, String path, String authorization, String form) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Authorization", authorization);
        if (form == null) {
            request.GET();
        } else {
            request.header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Forward auth, introspection and revocation: a revocation on one instance holds at every door of the other. */
    @Test
    void every_door_of_the_other_instance_refuses_a_revoked_token_or_a_deleted_client_at_once() throws Exception {
        var two = twoInstances();
        var acme = acme(two.first());
        var ann = ann(two.first(), acme);
        var client = two.first().useCases().createServiceClient().create(Actor.whiteLabelAdmin(acme.admin()), "api");
        String basic = "Basic "
                + Base64.getEncoder()
                        .encodeToString(
                                (client.client().clientId() + ":" + client.secret()).getBytes(StandardCharsets.UTF_8));
        String phone = two.first()
                .useCases()
                .createToken()
                .forAnyUser(ann.id(), NewToken.named("phone"))
                .token()
                .value();
        String laptop = two.first()
                .useCases()
                .createToken()
                .forAnyUser(ann.id(), NewToken.named("laptop"))
                .token()
                .value();
        String phoneForm = "token=" + phone.replace("|", "%7C");
        assertThat(door(two.b(), "/auth/check", "Bearer " + phone, null).statusCode())
                .isEqualTo(204);
        assertThat(door(two.b(), "/oauth/introspect", basic, phoneForm).body()).startsWith("{\"active\":true");

        assertThat(door(two.a(), "/oauth/revoke", basic, phoneForm).statusCode())
                .isEqualTo(200);
        assertThat(door(two.b(), "/auth/check", "Bearer " + phone, null).statusCode())
                .isEqualTo(401);
        assertThat(door(two.b(), "/oauth/introspect", basic, phoneForm).body()).isEqualTo("{\"active\":false}\n");

        assertThat(send(
                        two.a(),
                        "/api/white-label/logout",
                        acme.adminToken().token().value(),
                        "{\"user_id\":" + ann.id() + "}"))
                .isEqualTo(200);
        assertThat(door(two.b(), "/auth/check", "Bearer " + laptop, null).statusCode())
                .isEqualTo(401);
        assertThat(door(two.b(), "/oauth/introspect", basic, "token=" + laptop.replace("|", "%7C"))
                        .body())
                .isEqualTo("{\"active\":false}\n");

        two.first()
                .useCases()
                .deleteServiceClient()
                .delete(Actor.whiteLabelAdmin(acme.admin()), client.client().id());
        assertThat(door(two.b(), "/oauth/introspect", basic, phoneForm).statusCode())
                .isEqualTo(401);
    }
}
