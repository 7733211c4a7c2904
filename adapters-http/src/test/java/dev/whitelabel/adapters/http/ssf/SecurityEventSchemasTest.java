package dev.whitelabel.adapters.http.ssf;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.nimbusds.jwt.SignedJWT;
import dev.whitelabel.adapters.http.PublicUrl;
import dev.whitelabel.domain.model.EventStream;
import dev.whitelabel.domain.model.SecurityEvent;
import dev.whitelabel.domain.model.SecurityEventType;
import dev.whitelabel.domain.model.SigningKey;
import dev.whitelabel.domain.model.StreamDelivery;
import dev.whitelabel.domain.model.StreamStatus;
import dev.whitelabel.domain.port.out.PendingSecurityEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of event this transmitter signs, checked against JSON schemas written from the CAEP 1.0,
 * RISC 1.0 and SSF 1.0 specifications (src/test/resources/ssf-schemas): the token's claims, its
 * subject identifier, and the event's payload. Each schema is shown to refuse a payload the spec refuses.
 */
class SecurityEventSchemasTest {

    static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    static final ObjectMapper JSON = new ObjectMapper();
    static final Instant AT = Instant.parse("2026-12-05T10:00:00Z");

    final PublicUrl publicUrl = new PublicUrl("https://signals.example.com/");
    final NimbusSecurityEventSigner signer =
            new NimbusSecurityEventSigner(new SealedKeys(SealedKeys.newServerKey()), publicUrl, Clock.systemUTC());
    final SigningKey key;
    final EventStream stream = new EventStream(
            7,
            3,
            "urn:uuid:receiver",
            StreamDelivery.POLL,
            SecurityEventType.REQUESTABLE,
            Optional.empty(),
            StreamStatus.ENABLED,
            Optional.empty(),
            AT);

    SecurityEventSchemasTest() {
        var made = signer.newKey();
        key = new SigningKey(1, 3, made.keyId(), made.publicKey(), made.sealedPrivateKey(), AT, Optional.empty());
    }

    static Schema schema(String name) {
        try (InputStream in = SecurityEventSchemasTest.class.getResourceAsStream("/ssf-schemas/" + name + ".json")) {
            return SCHEMAS.getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SecurityEvent event(SecurityEventType type, Optional<Long> token, Optional<Long> kept) {
        return new SecurityEvent(
                type,
                AT,
                3,
                Optional.of(42L),
                Optional.of("ann@acme.test"),
                token,
                kept,
                Optional.of(99L),
                Optional.empty(),
                Optional.empty());
    }

    static Stream<Arguments> events() {
        return Stream.of(
                Arguments.of(
                        "caep-session-revoked",
                        event(SecurityEventType.SESSION_REVOKED, Optional.empty(), Optional.empty())),
                Arguments.of(
                        "caep-session-revoked",
                        event(SecurityEventType.SESSION_REVOKED, Optional.of(5L), Optional.empty())),
                Arguments.of(
                        "caep-session-revoked",
                        event(SecurityEventType.SESSION_REVOKED, Optional.empty(), Optional.of(6L))),
                Arguments.of(
                        "caep-credential-change",
                        event(SecurityEventType.CREDENTIAL_CHANGE, Optional.empty(), Optional.empty())),
                Arguments.of(
                        "risc-account-disabled",
                        event(SecurityEventType.ACCOUNT_DISABLED, Optional.empty(), Optional.empty())),
                Arguments.of(
                        "risc-account-enabled",
                        event(SecurityEventType.ACCOUNT_ENABLED, Optional.empty(), Optional.empty())),
                Arguments.of(
                        "risc-account-purged",
                        event(SecurityEventType.ACCOUNT_PURGED, Optional.empty(), Optional.empty())),
                Arguments.of("ssf-verification", SecurityEvent.verification(3, Optional.of("state-1"), AT)),
                Arguments.of("ssf-verification", SecurityEvent.verification(3, Optional.empty(), AT)),
                Arguments.of(
                        "ssf-stream-updated",
                        SecurityEvent.streamUpdated(
                                3,
                                new SecurityEvent.StatusChange(StreamStatus.PAUSED, Optional.of("maintenance")),
                                AT)),
                Arguments.of(
                        "ssf-stream-updated",
                        SecurityEvent.streamUpdated(
                                3, new SecurityEvent.StatusChange(StreamStatus.ENABLED, Optional.empty()), AT)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void each_signed_event_matches_the_token_schema_and_its_payload_schema(String payloadSchema, SecurityEvent event)
            throws Exception {
        var token = SignedJWT.parse(signer.sign(key, stream, new PendingSecurityEvent(11, 7, event)));
        var claims = token.getPayload().toJSONObject();

        assertThat(token.getHeader().getType().getType()).isEqualTo("secevent+jwt");
        assertThat(schema("security-event-token").validate(JSON.writeValueAsString(claims), InputFormat.JSON))
                .isEmpty();
        @SuppressWarnings("unchecked")
        var events = (Map<String, Object>) claims.get("events");
        assertThat(events).containsOnlyKeys(SecurityEventNames.of(event.type()));
        var payload = JSON.writeValueAsString(events.values().iterator().next());
        assertThat(schema(payloadSchema).validate(payload, InputFormat.JSON)).isEmpty();
    }

    @Test
    void the_schemas_refuse_what_the_specifications_refuse() {
        assertThat(schema("caep-credential-change").validate("{\"credential_type\":\"password\"}", InputFormat.JSON))
                .isNotEmpty();
        assertThat(schema("caep-credential-change")
                        .validate("{\"credential_type\":\"password\",\"change_type\":\"changed\"}", InputFormat.JSON))
                .isNotEmpty();
        assertThat(schema("caep-session-revoked").validate("{\"initiating_entity\":\"robot\"}", InputFormat.JSON))
                .isNotEmpty();
        assertThat(schema("risc-account-disabled").validate("{\"reason\":\"bored\"}", InputFormat.JSON))
                .isNotEmpty();
        assertThat(schema("ssf-stream-updated").validate("{\"reason\":\"why\"}", InputFormat.JSON))
                .isNotEmpty();
        assertThat(schema("ssf-stream-updated").validate("{\"status\":\"stopped\"}", InputFormat.JSON))
                .isNotEmpty();
        assertThat(schema("security-event-token")
                        .validate(
                                "{\"iss\":\"https://x\",\"iat\":1,\"jti\":\"1\",\"aud\":\"a\",\"events\":{},"
                                        + "\"sub_id\":{\"format\":\"email\"}}",
                                InputFormat.JSON))
                .isNotEmpty();
    }
}
