package dev.whitelabel.adapters.http.ssf;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.whitelabel.adapters.http.PublicUrl;
import dev.whitelabel.adapters.http.WireNames;
import dev.whitelabel.domain.model.EventStream;
import dev.whitelabel.domain.model.SecurityEvent;
import dev.whitelabel.domain.port.out.PendingSecurityEvent;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The claims of a security event token (RFC 8417) as SSF 1.0 shapes them: the platform's issuer, the
 * stream's audience, the event's id as {@code jti}, its audit event as {@code txn}, its subject as an
 * RFC 9493 identifier in {@code sub_id}, and one event under its type's URI. The user is named by email
 * within a complex subject whose tenant is the platform, and a session by its token's id; the payloads
 * carry CAEP's {@code event_timestamp} (RISC's account events carry none) and no secret.
 */
final class SecurityEventClaims {

    private final PublicUrl publicUrl;

    SecurityEventClaims(PublicUrl publicUrl) {
        this.publicUrl = publicUrl;
    }

    JWTClaimsSet of(EventStream stream, PendingSecurityEvent pending, Instant issuedAt) {
        SecurityEvent event = pending.event();
        var claims = new JWTClaimsSet.Builder()
                .issuer(publicUrl.issuer(stream.platformId()))
                .audience(stream.audience())
                .issueTime(Date.from(issuedAt))
                .jwtID(Long.toString(pending.id()))
                .claim("sub_id", subject(stream, event))
                .claim("events", Map.of(SecurityEventNames.of(event.type()), payload(event)));
        event.transaction().ifPresent(txn -> claims.claim("txn", Long.toString(txn)));
        return claims.build();
    }

    private static Map<String, Object> subject(EventStream stream, SecurityEvent event) {
        if (event.userId().isEmpty()) {
            // SSF 1.0 sections 8.1.4.1 and 8.1.5: a verification or stream-updated event's subject is its stream
            return Map.of("format", "opaque", "id", Long.toString(stream.id()));
        }
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("format", "complex");
        subject.put(
                "user",
                event.email()
                        .<Map<String, Object>>map(email -> Map.of("format", "email", "email", email))
                        .orElseGet(() -> opaque(event.userId().orElseThrow())));
        event.tokenId().ifPresent(token -> subject.put("session", opaque(token)));
        subject.put("tenant", opaque(event.platformId()));
        return subject;
    }

    private static Map<String, Object> opaque(long id) {
        return Map.of("format", "opaque", "id", Long.toString(id));
    }

    private static Map<String, Object> payload(SecurityEvent event) {
        Map<String, Object> payload = new LinkedHashMap<>();
        switch (event.type()) {
            case VERIFICATION -> event.state().ifPresent(state -> payload.put("state", state));
            case STREAM_UPDATED -> {
                SecurityEvent.StatusChange change = event.statusChange().orElseThrow();
                payload.put("status", WireNames.of(change.status()));
                change.reason().ifPresent(reason -> payload.put("reason", reason));
            }
            case CREDENTIAL_CHANGE -> {
                payload.put("event_timestamp", event.occurredAt().getEpochSecond());
                payload.put("credential_type", "password");
                payload.put("change_type", "update");
            }
            case SESSION_REVOKED -> {
                payload.put("event_timestamp", event.occurredAt().getEpochSecond());
                if (event.keptTokenId().isPresent()) {
                    payload.put(
                            "reason_admin",
                            Map.of("en", "Every session of the user ended but one, which the user kept."));
                } else if (event.tokenId().isEmpty()) {
                    payload.put("reason_admin", Map.of("en", "Every session of the user ended."));
                }
            }
            default -> {}
        }
        return payload;
    }
}
