package dev.whitelabel.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import dev.whitelabel.adapters.http.ssf.NimbusSecurityEventSigner;
import dev.whitelabel.adapters.http.ssf.SealedKeys;
import dev.whitelabel.adapters.http.webhooks.HttpSecurityEventPusher;
import dev.whitelabel.adapters.http.webhooks.HttpWebhookSender;
import dev.whitelabel.adapters.persistence.BcryptPasswordHasher;
import dev.whitelabel.adapters.persistence.Database;
import dev.whitelabel.adapters.persistence.DatabaseSettings;
import dev.whitelabel.adapters.persistence.TestPostgres;
import dev.whitelabel.adapters.persistence.jdbi.JdbiStorage;
import dev.whitelabel.application.WhitelabelUseCases;
import dev.whitelabel.domain.model.Actor;
import dev.whitelabel.domain.model.DeliveryLimits;
import dev.whitelabel.domain.model.EmailAddress;
import dev.whitelabel.domain.model.LogoutTarget;
import dev.whitelabel.domain.model.NewPlatform;
import dev.whitelabel.domain.model.NewPlatformUser;
import dev.whitelabel.domain.model.NewToken;
import dev.whitelabel.domain.model.SecurityEventType;
import dev.whitelabel.domain.model.StreamDelivery;
import dev.whitelabel.domain.model.WebhookPolicy;
import dev.whitelabel.domain.port.in.PollSecurityEventsCommand;
import dev.whitelabel.domain.port.in.StreamSettings;
import dev.whitelabel.domain.port.out.HostResolver;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Two instances over one PostgreSQL, sharing the server key: a logout on one is pushed by the other's
 * pusher within a second and found by a receiver's next poll there, signed with the platform's key.
 */
class SharedSignalsOnPostgresqlTest {

    @Test
    void a_logout_on_one_instance_is_pushed_by_the_other_within_a_second_and_polled_there() throws Exception {
        assumeTrue(System.getenv(TestPostgres.URL_VARIABLE) != null, TestPostgres.URL_VARIABLE + " is not set");
        byte[] serverKey = SealedKeys.newServerKey();
        var publicUrl = new PublicUrl("http://127.0.0.1:9");
        List<Long> arrivals = new CopyOnWriteArrayList<>();
        List<String> tokens = new CopyOnWriteArrayList<>();
        var receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/ssf", exchange -> {
            tokens.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.US_ASCII));
            arrivals.add(System.nanoTime());
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        receiver.start();
        try (var schema = TestPostgres.freshSchema();
                var poolA = Database.open(DatabaseSettings.of(schema.url()));
                var poolB = Database.open(DatabaseSettings.of(schema.url()));
                var sender = new HttpWebhookSender(
                        new WebhookPolicy(true), HostResolver.SYSTEM, Duration.ofSeconds(5), Clock.systemUTC())) {
            var a = new WhitelabelUseCases(
                    JdbiStorage.over(poolA), new BcryptPasswordHasher(4), Clock.systemUTC(), new WebhookPolicy(true));
            var storageB = JdbiStorage.over(poolB);
            var b = new WhitelabelUseCases(
                    storageB, new BcryptPasswordHasher(4), Clock.systemUTC(), new WebhookPolicy(true));
            var signerB = new NimbusSecurityEventSigner(new SealedKeys(serverKey), publicUrl, Clock.systemUTC());
            var pusherB = b.deliverSecurityEvents(
                    storageB, signerB, new HttpSecurityEventPusher(sender), DeliveryLimits.DEFAULT);

            var acme = a.createPlatform().create(new NewPlatform("acme", new EmailAddress("admin@acme.test"), "Admin"));
            var admin = Actor.whiteLabelAdmin(acme.admin());
            var ann = a.createPlatformUser()
                    .create(acme.platform().id(), new NewPlatformUser("Ann", new EmailAddress("ann@acme.test")));
            a.createToken().forAnyUser(ann.id(), NewToken.named("phone"));
            String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/ssf";
            a.createEventStream()
                    .create(
                            admin,
                            new StreamSettings(
                                    StreamDelivery.push(url, Optional.empty()),
                                    SecurityEventType.REQUESTABLE,
                                    Optional.empty()));
            var polled = a.createEventStream()
                    .create(
                            admin,
                            new StreamSettings(StreamDelivery.POLL, SecurityEventType.REQUESTABLE, Optional.empty()));

            a.logoutPlatformUser().logout(admin, LogoutTarget.user(ann.id()));
            long committed = System.nanoTime();
            // B's pusher, as its dispatcher steps it: it was not woken by A, it finds the event by polling
            while (arrivals.isEmpty() && System.nanoTime() - committed < 2_000_000_000L) {
                if (pusherB.deliverDue() == 0) {
                    Thread.sleep(50);
                }
            }
            assertThat(arrivals).hasSize(1);
            assertThat(Duration.ofNanos(arrivals.get(0) - committed)).isLessThan(Duration.ofSeconds(1));

            var keys = a.transmitter(
                            new NimbusSecurityEventSigner(new SealedKeys(serverKey), publicUrl, Clock.systemUTC()))
                    .publishSigningKeys()
                    .published(acme.platform().id());
            var verifier = new ECDSAVerifier(ECKey.parse(keys.get(0).publicKey()));
            assertThat(SignedJWT.parse(tokens.get(0)).verify(verifier)).isTrue();

            var answer = b.transmitter(signerB)
                    .pollSecurityEvents()
                    .poll(new PollSecurityEventsCommand(admin, polled.id(), Set.of(), Set.of(), 10));
            assertThat(answer.tokens()).hasSize(1);
            var token = SignedJWT.parse(answer.tokens().values().iterator().next());
            assertThat(token.verify(verifier)).isTrue();
            assertThat(token.getJWTClaimsSet().getJSONObjectClaim("events"))
                    .containsOnlyKeys("https://schemas.openid.net/secevent/caep/event-type/session-revoked");
        } finally {
            receiver.stop(0);
        }
    }
}
