package dev.whitelabel.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.sun.net.httpserver.HttpServer;
import dev.whitelabel.adapters.http.webhooks.HttpSecurityEventPusher;
import dev.whitelabel.adapters.http.webhooks.HttpWebhookSender;
import dev.whitelabel.domain.model.Actor;
import dev.whitelabel.domain.model.DeliveryLimits;
import dev.whitelabel.domain.model.LogoutTarget;
import dev.whitelabel.domain.model.PlatformCreated;
import dev.whitelabel.domain.model.User;
import dev.whitelabel.domain.model.WebhookPolicy;
import dev.whitelabel.domain.port.out.HostResolver;
import dev.whitelabel.domain.port.out.SecurityEventPusher.Outcome;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each platform as a Shared Signals transmitter over real HTTP: every security event token is verified
 * as a receiver would, by nimbus-jose-jwt's JWT processor fetching the platform's {@code jwks_uri}.
 */
class SharedSignalsRoutesTest {

    static final String SESSION_REVOKED = "https://schemas.openid.net/secevent/caep/event-type/session-revoked";
    static final String VERIFICATION = "https://schemas.openid.net/secevent/ssf/event-type/verification";
    static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    final RunningApi running = new RunningApi().allowingPrivateTargets();

    PlatformCreated acme;
    PlatformCreated globex;
    String admin;
    User ann;

    @BeforeEach
    void seed() {
        acme = running.platform("acme");
        globex = running.platform("globex");
        admin = RunningApi.adminToken(acme);
        ann = running.user(acme, "ann@acme.test");
    }

    String base(PlatformCreated platform) {
        return "/platforms/" + platform.platform().id() + "/ssf";
    }

    JsonNode discovery(PlatformCreated platform) {
        var answer = running.api.get(
                "/.well-known/ssf-configuration/platforms/"
                        + platform.platform().id(),
                null);
        assertThat(answer.status()).isEqualTo(200);
        return answer.json();
    }

    /** The claims of a token that a receiver of {@code platform}'s stream {@code audience} accepts. */
    JWTClaimsSet verified(PlatformCreated platform, String audience, String token) throws Exception {
        var configuration = discovery(platform);
        var processor = new DefaultJWTProcessor<SecurityContext>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType("secevent+jwt")));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(
                JWSAlgorithm.ES256,
                JWKSourceBuilder.create(URI.create(configuration.get("jwks_uri").asText())
                                .toURL())
                        .retrying(false)
                        .build()));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(
                audience,
                new JWTClaimsSet.Builder()
                        .issuer(configuration.get("issuer").asText())
                        .build(),
                Set.of("iat", "jti", "events", "sub_id")));
        return processor.process(token, null);
    }

    JsonNode createPollStream(String token) {
        var created = running.api.postJson(
                base(acme) + "/stream",
                token,
                "{\"delivery\":{\"method\":\"urn:ietf:rfc:8936\"},\"events_requested\":[\"" + SESSION_REVOKED
                        + "\",\"urn:example:unknown\"],\"description\":\"sessions\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    JsonNode poll(JsonNode stream, String body) {
        var answer = running.api.post(
                URI.create(stream.at("/delivery/endpoint_url").asText()).getPath(), admin, "application/json", body);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    void logOutAnn() {
        logOut(ann);
    }

    /** A logout of the user's every session, of one it was given first. */
    void logOut(User user) {
        running.token(user);
        running.useCases.logoutPlatformUser().logout(Actor.whiteLabelAdmin(acme.admin()), LogoutTarget.user(user.id()));
    }

    @Test
    void each_platform_publishes_its_own_issuer_and_endpoints_by_path_insertion() {
        var configuration = discovery(acme);
        String issuer =
                running.publicUrl.base() + "/platforms/" + acme.platform().id();
        assertThat(configuration.get("spec_version").asText()).isEqualTo("1_0");
        assertThat(configuration.get("issuer").asText()).isEqualTo(issuer);
        assertThat(configuration.get("jwks_uri").asText()).isEqualTo(issuer + "/ssf/jwks");
        assertThat(configuration.get("configuration_endpoint").asText()).isEqualTo(issuer + "/ssf/stream");
        assertThat(configuration.get("status_endpoint").asText()).isEqualTo(issuer + "/ssf/status");
        assertThat(configuration.get("verification_endpoint").asText()).isEqualTo(issuer + "/ssf/verify");
        assertThat(configuration.get("add_subject_endpoint").asText()).isEqualTo(issuer + "/ssf/subjects/add");
        assertThat(configuration.get("remove_subject_endpoint").asText()).isEqualTo(issuer + "/ssf/subjects/remove");
        assertThat(configuration.get("default_subjects").asText()).isEqualTo("ALL");
        assertThat(configuration.get("delivery_methods_supported"))
                .extracting(JsonNode::asText)
                .containsExactly("urn:ietf:rfc:8935", "urn:ietf:rfc:8936");
        assertThat(discovery(globex).get("issuer").asText()).isNotEqualTo(issuer);
        assertThat(running.api
                        .get("/.well-known/ssf-configuration/platforms/999", null)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void a_logout_is_polled_as_a_session_revoked_token_that_nimbus_verifies_and_an_acknowledgement_ends()
            throws Exception {
        var stream = createPollStream(admin);
        assertThat(stream.get("events_delivered")).extracting(JsonNode::asText).containsExactly(SESSION_REVOKED);
        logOutAnn();
        logOutAnn();

        var polled = poll(stream, "{\"returnImmediately\":true}");
        assertThat(polled.get("moreAvailable").asBoolean()).isFalse();
        Set<String> jtis = new HashSet<>();
        List<String> ids = new ArrayList<>();
        for (var entry : iterable(polled.get("sets").fields())) {
            JWTClaimsSet claims =
                    verified(acme, stream.get("aud").asText(), entry.getValue().asText());
            assertThat(claims.getJWTID()).isEqualTo(entry.getKey());
            jtis.add(claims.getJWTID());
            ids.add(entry.getKey());
            assertThat(claims.getIssueTime().toInstant())
                    .isBetween(Instant.now().minusSeconds(60), Instant.now());
            var subject = claims.getJSONObjectClaim("sub_id");
            assertThat(subject.get("format")).isEqualTo("complex");
            assertThat(subject.get("user")).isEqualTo(Map.of("format", "email", "email", "ann@acme.test"));
            assertThat(subject.get("tenant"))
                    .isEqualTo(Map.of(
                            "format",
                            "opaque",
                            "id",
                            Long.toString(acme.platform().id())));
            assertThat(claims.getJSONObjectClaim("events")).containsOnlyKeys(SESSION_REVOKED);
            assertThat(claims.getStringClaim("txn")).isNotBlank();
        }
        assertThat(jtis).hasSize(2);

        var after = poll(
                stream,
                "{\"returnImmediately\":true,\"ack\":[\"" + ids.get(0) + "\"],\"setErrs\":{\"" + ids.get(1)
                        + "\":{\"err\":\"invalid_key\",\"description\":\"x\"}}}");
        assertThat(after.get("sets").size()).isZero();
    }

    @Test
    void a_receiver_authenticates_as_its_platforms_service_client_and_another_platforms_is_refused() {
        var client = running.serviceClient(acme);
        String basic = "Basic " + OAuthRoutesTest.basic(client.client().clientId(), client.secret());
        var created = running.api.send(running.api
                .request(base(acme) + "/stream", null)
                .header("Authorization", basic)
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String streamId = created.json().get("stream_id").asText();

        var elsewhere = running.api.send(running.api
                .request(base(globex) + "/stream", null)
                .header("Authorization", basic)
                .GET());
        assertThat(elsewhere.status()).isEqualTo(404);
        var wrongSecret = running.api.send(running.api
                .request(base(acme) + "/stream", null)
                .header(
                        "Authorization",
                        "Basic " + OAuthRoutesTest.basic(client.client().clientId(), "nope"))
                .GET());
        assertThat(wrongSecret.status()).isEqualTo(401);
        assertThat(running.api.get(base(acme) + "/stream", null).status()).isEqualTo(401);
        assertThat(running.api
                        .get(base(globex) + "/stream?stream_id=" + streamId, RunningApi.adminToken(globex))
                        .status())
                .isEqualTo(404);
        assertThat(running.api
                        .get(base(acme) + "/stream?stream_id=" + streamId, RunningApi.adminToken(globex))
                        .status())
                .isEqualTo(401);
        assertThat(running.api
                        .get(base(acme) + "/stream?stream_id=" + streamId, admin)
                        .json()
                        .get("stream_id")
                        .asText())
                .isEqualTo(streamId);
    }

    @Test
    void a_stream_is_read_changed_replaced_paused_and_deleted() {
        var stream = createPollStream(admin);
        String id = stream.get("stream_id").asText();
        assertThat(running.api.get(base(acme) + "/stream", admin).json()).hasSize(1);

        var patched = running.api.patchJson(
                base(acme) + "/stream", admin, "{\"stream_id\":\"" + id + "\",\"description\":\"new\"}");
        assertThat(patched.json().get("description").asText()).isEqualTo("new");
        assertThat(patched.json().get("events_requested")).hasSize(1);
        var replaced = running.api.send(running.api
                .request(base(acme) + "/stream", admin)
                .header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"stream_id\":\"" + id + "\"}")));
        assertThat(replaced.json().get("events_requested")).isEmpty();
        assertThat(replaced.json().has("description")).isFalse();

        var paused = running.api.postJson(
                base(acme) + "/status",
                admin,
                "{\"stream_id\":\"" + id + "\",\"status\":\"paused\",\"reason\":\"maintenance\"}");
        assertThat(paused.json().get("status").asText()).isEqualTo("paused");
        var status =
                running.api.get(base(acme) + "/status?stream_id=" + id, admin).json();
        assertThat(status.get("status").asText()).isEqualTo("paused");
        assertThat(status.get("reason").asText()).isEqualTo("maintenance");
        assertThat(running.api
                        .postJson(base(acme) + "/status", admin, "{\"stream_id\":\"" + id + "\",\"status\":\"off\"}")
                        .status())
                .isEqualTo(422);

        assertThat(running.api
                        .delete(base(acme) + "/stream?stream_id=" + id, admin)
                        .status())
                .isEqualTo(204);
        assertThat(running.api
                        .get(base(acme) + "/stream?stream_id=" + id, admin)
                        .status())
                .isEqualTo(404);
        assertThat(running.api.get(base(acme) + "/stream?streamid=" + id, admin).status())
                .isEqualTo(400);
    }

    @Test
    void a_user_removed_by_the_subject_its_event_named_gets_no_event_on_that_stream_until_added_back()
            throws Exception {
        var stream = createPollStream(admin);
        String id = stream.get("stream_id").asText();
        User bob = running.user(acme, "bob@acme.test");
        logOutAnn();
        var sets = poll(stream, "{\"returnImmediately\":true}").get("sets");
        String jti = sets.fieldNames().next();
        String subject = JSON.writeValueAsString(
                verified(acme, stream.get("aud").asText(), sets.get(jti).asText())
                        .getJSONObjectClaim("sub_id"));
        String change = "{\"stream_id\":\"" + id + "\",\"subject\":" + subject + "}";

        var removed = running.api.postJson(base(acme) + "/subjects/remove", admin, change);
        assertThat(removed.status()).as(removed.body()).isEqualTo(204);
        poll(stream, "{\"returnImmediately\":true,\"ack\":[\"" + jti + "\"]}");
        logOutAnn();
        logOut(bob);
        assertThat(subjects(poll(stream, "{\"returnImmediately\":true}")))
                .as("Ann removed, Bob not")
                .containsExactly("bob@acme.test");

        var added = running.api.postJson(
                base(acme) + "/subjects/add",
                admin,
                "{\"stream_id\":\"" + id + "\",\"subject\":{\"format\":\"email\",\"email\":\"ANN@acme.test\"},"
                        + "\"verified\":true}");
        assertThat(added.status()).as(added.body()).isEqualTo(200);
        logOutAnn();
        assertThat(subjects(poll(stream, "{\"returnImmediately\":true}")))
                .containsExactly("bob@acme.test", "ann@acme.test");

        var byId = running.api.postJson(
                base(acme) + "/subjects/remove",
                admin,
                "{\"stream_id\":\"" + id + "\",\"subject\":{\"format\":\"opaque\",\"id\":\"" + bob.id() + "\"}}");
        assertThat(byId.status()).as(byId.body()).isEqualTo(204);
        logOut(bob);
        assertThat(subjects(poll(stream, "{\"returnImmediately\":true}")))
                .as("Bob removed by id")
                .containsExactly("bob@acme.test", "ann@acme.test");
    }

    /** The email of the user each polled event names, in order. */
    List<Object> subjects(JsonNode polled) throws Exception {
        List<Object> emails = new ArrayList<>();
        for (var token : iterable(polled.get("sets").elements())) {
            var subject = SignedJWT.parse(token.asText()).getJWTClaimsSet().getJSONObjectClaim("sub_id");
            emails.add(((Map<?, ?>) subject.get("user")).get("email"));
        }
        return emails;
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                ",\"subject\":null",
                ",\"subject\":\"ann@acme.test\"",
                ",\"subject\":{}",
                ",\"subject\":{\"format\":\"phone_number\",\"phone_number\":\"+12065550100\"}",
                ",\"subject\":{\"format\":\"email\"}",
                ",\"subject\":{\"format\":\"email\",\"email\":\"not an email\"}",
                ",\"subject\":{\"format\":\"email\",\"email\":7}",
                ",\"subject\":{\"format\":\"opaque\",\"id\":\"-1\"}",
                ",\"subject\":{\"format\":\"opaque\",\"id\":7}",
                ",\"subject\":{\"format\":\"opaque\",\"id\":\"ann\"}",
                ",\"subject\":{\"format\":\"complex\"}",
                ",\"subject\":{\"format\":\"complex\",\"user\":{\"format\":\"email\",\"email\":\"ann@acme.test\"},"
                        + "\"session\":{\"format\":\"opaque\",\"id\":\"1\"}}",
                ",\"subject\":{\"format\":\"complex\",\"user\":{\"format\":\"complex\",\"user\":{}}}",
                ",\"subject\":{\"format\":\"complex\",\"user\":{\"format\":\"email\",\"email\":\"ann@acme.test\"},"
                        + "\"tenant\":{\"format\":\"opaque\",\"id\":\"OTHER\"}}",
                ",\"subject\":{\"format\":\"email\",\"email\":\"ann@acme.test\"},\"verified\":\"yes\""
            })
    void a_subject_that_names_no_user_of_the_platform_is_refused_field_by_field(String member) {
        String id = createPollStream(admin).get("stream_id").asText();
        String body = "{\"stream_id\":\"" + id + "\""
                + member.replace("OTHER", Long.toString(globex.platform().id())) + "}";
        for (String change : List.of("/subjects/add", "/subjects/remove")) {
            var answer = running.api.postJson(base(acme) + change, admin, body);
            assertThat(answer.status()).as(body + " " + answer.body()).isEqualTo(422);
            assertThat(answer.body()).as("the request is not echoed").doesNotContain("ann@acme.test");
        }
    }

    @Test
    void another_platforms_stream_or_none_is_404_and_a_platform_user_is_refused() {
        String id = createPollStream(admin).get("stream_id").asText();
        String body = "{\"stream_id\":\"%s\",\"subject\":{\"format\":\"email\",\"email\":\"ann@acme.test\"}}";
        String globexAdmin = RunningApi.adminToken(globex);
        assertThat(running.api
                        .postJson(base(globex) + "/subjects/remove", globexAdmin, body.formatted(id))
                        .status())
                .isEqualTo(404);
        assertThat(running.api
                        .postJson(base(acme) + "/subjects/remove", globexAdmin, body.formatted(id))
                        .status())
                .isIn(401, 403, 404);
        assertThat(running.api
                        .postJson(base(acme) + "/subjects/add", admin, body.formatted("999999"))
                        .status())
                .isEqualTo(404);
        assertThat(running.api
                        .postJson(base(acme) + "/subjects/remove", running.token(ann), body.formatted(id))
                        .status())
                .isEqualTo(403);
        assertThat(running.api
                        .postJson(base(acme) + "/subjects/remove", null, body.formatted(id))
                        .status())
                .isEqualTo(401);
    }

    @Test
    void a_verification_event_echoes_the_state_and_names_the_stream() throws Exception {
        var stream = createPollStream(admin);
        String id = stream.get("stream_id").asText();
        assertThat(running.api
                        .postJson(base(acme) + "/verify", admin, "{\"stream_id\":\"" + id + "\",\"state\":\"s-1\"}")
                        .status())
                .isEqualTo(204);

        var sets = poll(stream, "{\"returnImmediately\":true}").get("sets");
        var claims = verified(
                acme, stream.get("aud").asText(), sets.elements().next().asText());
        assertThat(claims.getJSONObjectClaim("events")).isEqualTo(Map.of(VERIFICATION, Map.of("state", "s-1")));
        assertThat(claims.getJSONObjectClaim("sub_id")).isEqualTo(Map.of("format", "opaque", "id", id));
    }

    @Test
    void a_long_poll_answers_as_soon_as_an_event_is_there() throws Exception {
        var stream = createPollStream(admin);
        var logout = new Thread(() -> {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
            logOutAnn();
        });
        long started = System.nanoTime();
        logout.start();
        var polled = poll(stream, "{}");
        assertThat(polled.get("sets").size()).isEqualTo(1);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(SharedSignalsRoutes.LONG_POLL);
        logout.join();
    }

    @Test
    void a_pushed_token_reaches_the_receiver_with_its_authorization_and_verifies() throws Exception {
        List<String[]> received = new CopyOnWriteArrayList<>();
        var receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/ssf", exchange -> {
            received.add(new String[] {
                exchange.getRequestHeaders().getFirst("Content-Type"),
                exchange.getRequestHeaders().getFirst("Authorization"),
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.US_ASCII)
            });
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        receiver.start();
        try {
            var created = running.api.postJson(
                    base(acme) + "/stream",
                    admin,
                    "{\"delivery\":{\"method\":\"urn:ietf:rfc:8935\",\"endpoint_url\":\"http://127.0.0.1:"
                            + receiver.getAddress().getPort() + "/ssf\",\"authorization_header\":\"Bearer rcv\"},"
                            + "\"events_requested\":[\"" + SESSION_REVOKED + "\"]}");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            assertThat(created.body()).doesNotContain("rcv");
            logOutAnn();

            try (var sender = new HttpWebhookSender(
                    new WebhookPolicy(true), HostResolver.SYSTEM, Duration.ofSeconds(5), Clock.systemUTC())) {
                var deliver = running.useCases.deliverSecurityEvents(
                        running.storage, running.signer, new HttpSecurityEventPusher(sender), DeliveryLimits.DEFAULT);
                assertThat(deliver.deliverDue()).isEqualTo(1);
                assertThat(deliver.deliverDue()).isZero();
            }
            assertThat(received).hasSize(1);
            assertThat(received.get(0)[0]).isEqualTo("application/secevent+jwt");
            assertThat(received.get(0)[1]).isEqualTo("Bearer rcv");
            var claims = verified(acme, created.json().get("aud").asText(), received.get(0)[2]);
            assertThat(claims.getJSONObjectClaim("events")).containsOnlyKeys(SESSION_REVOKED);
        } finally {
            receiver.stop(0);
        }
    }

    /** Beyond SSF's members: the status as /status answers it, and the last push, never the receiver's header. */
    @Test
    void a_streams_configuration_says_its_status_and_last_push_and_never_its_authorization() {
        var pushed = running.api.postJson(
                base(acme) + "/stream",
                admin,
                "{\"delivery\":{\"method\":\"urn:ietf:rfc:8935\",\"endpoint_url\":\"http://127.0.0.1:9/ssf\","
                        + "\"authorization_header\":\"Bearer receiver-secret\"},\"events_requested\":[\""
                        + SESSION_REVOKED + "\"]}");
        assertThat(pushed.status()).as(pushed.body()).isEqualTo(201);
        assertThat(pushed.json().get("status").asText()).isEqualTo("enabled");
        assertThat(pushed.json().has("last_push")).as("none yet").isFalse();
        String pushedId = pushed.json().get("stream_id").asText();
        String polledId = createPollStream(admin).get("stream_id").asText();
        assertThat(running.api
                        .postJson(
                                base(acme) + "/status",
                                admin,
                                "{\"stream_id\":\"" + polledId + "\",\"status\":\"disabled\",\"reason\":\"retired\"}")
                        .status())
                .isEqualTo(200);
        logOutAnn();
        Instant before = Instant.now();
        var deliver = running.useCases.deliverSecurityEvents(
                running.storage,
                running.signer,
                (delivery, token) -> CompletableFuture.completedFuture(Outcome.failed("answered 503", true)),
                DeliveryLimits.DEFAULT);
        assertThat(deliver.deliverDue()).isEqualTo(1);

        var listing = running.api.get(base(acme) + "/stream", admin);
        assertThat(listing.status()).isEqualTo(200);
        assertThat(listing.body()).doesNotContain("receiver-secret").doesNotContain("authorization_header");
        var streams = listing.json();
        assertThat(streams)
                .extracting(stream -> stream.get("stream_id").asText())
                .containsExactly(pushedId, polledId);
        var push = streams.get(0);
        assertThat(push.get("status").asText()).isEqualTo("enabled");
        assertThat(push.has("reason")).isFalse();
        assertThat(push.at("/last_push/error").asText()).isEqualTo("answered 503");
        assertThat(Instant.parse(push.at("/last_push/at").asText())).isBetween(before.minusSeconds(1), Instant.now());
        var poll = streams.get(1);
        assertThat(poll.get("status").asText()).isEqualTo("disabled");
        assertThat(poll.get("reason").asText()).isEqualTo("retired");
        assertThat(poll.has("last_push")).isFalse();
        assertThat(running.api
                        .get(base(acme) + "/stream?stream_id=" + pushedId, admin)
                        .json())
                .as("one stream, read alone, as listed")
                .isEqualTo(push);

        var client = running.serviceClient(acme);
        var asReceiver = running.api.send(running.api
                .request(base(acme) + "/stream?stream_id=" + pushedId, null)
                .header(
                        "Authorization",
                        "Basic " + OAuthRoutesTest.basic(client.client().clientId(), client.secret()))
                .GET());
        assertThat(asReceiver.json().at("/last_push/error").asText())
                .as("the receiver reads it too")
                .isEqualTo("answered 503");
    }

    @Test
    void the_jwks_holds_public_keys_only() {
        var keys = running.api.get(base(acme) + "/jwks", null).json().get("keys");
        assertThat(keys).hasSize(1);
        assertThat(keys.get(0).get("kty").asText()).isEqualTo("EC");
        assertThat(keys.get(0).has("d")).isFalse();
        assertThat(keys.get(0).get("kid").asText()).isNotBlank();
    }

    static <T> Iterable<T> iterable(java.util.Iterator<T> iterator) {
        return () -> iterator;
    }
}
