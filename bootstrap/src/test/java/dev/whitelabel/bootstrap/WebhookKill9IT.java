package dev.whitelabel.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import dev.whitelabel.adapters.persistence.TestPostgres;
import dev.whitelabel.bootstrap.ShippedJar.Served;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two instances of the shipped jar on one PostgreSQL, one of them killed with SIGKILL while its webhook
 * attempts are in flight. Logouts of one token each go to both, then to the survivor alone; a receiver
 * checks every request's Standard Webhooks signature and deduplicates by {@code webhook-id}. Every
 * acknowledged logout's event arrives and its delivery ends delivered; after deduplication each event
 * arrived once; a duplicate is only ever of a delivery the killed instance held when it died, sent again
 * by the survivor once the claim lapsed.
 */
@EnabledIfEnvironmentVariable(
        named = TestPostgres.URL_VARIABLE,
        matches = ".+",
        disabledReason = "set WHITELABEL_TEST_PG_URL (e.g. jdbc:postgresql://127.0.0.1:5432/test?user=postgres) to"
                + " run: the two instances share one PostgreSQL")
class WebhookKill9IT {

    @TempDir
    Path directory;

    Kill9Scenario scenario;
    final DedupingReceiver receiver = new DedupingReceiver();

    @AfterEach
    void close() throws Exception {
        if (scenario != null) {
            scenario.close();
        }
        receiver.stop();
    }

    @Test
    void two_instances_deliver_every_acknowledged_logouts_event_exactly_once_after_dedup_when_one_is_killed_9()
            throws Exception {
        scenario = new Kill9Scenario(directory);
        receiver.start();
        scenario.start();
        String url = scenario.url;
        var created = scenario.send(
                scenario.toKilled,
                scenario.killed,
                "/api/white-label/webhooks",
                "{\"url\":\"" + receiver.url() + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        receiver.secret =
                scenario.json.readTree(created.body()).at("/webhook/secret").asText();
        long endpointId =
                scenario.json.readTree(created.body()).at("/webhook/id").asLong();

        scenario.load();
        double heldAtKill = scenario.killWhileItHolds(receiver, () -> {
            double held = held(scenario.toKilled, scenario.killed);
            return held > 0 ? Optional.of(held) : Optional.empty();
        });
        Map<Long, Instant> leasedAtKill =
                scenario.leased("select audit_event_id, next_attempt_at from webhook_deliveries"
                        + " where delivered_at is null and failed_at is null and next_attempt_at > now()");
        scenario.survivorAlone();
        boolean drained =
                scenario.drain(() -> receiver.tokens().containsAll(scenario.acknowledged) && undelivered(url) == 0);

        Map<Long, Delivery> deliveries = deliveries(url, endpointId);
        Set<Long> reclaimed = new TreeSet<>();
        leasedAtKill.forEach((auditEventId, lease) -> {
            Delivery delivery = deliveries.values().stream()
                    .filter(row -> row.auditEventId() == auditEventId)
                    .findFirst()
                    .orElseThrow();
            if (delivery.deliveredAt() != null && !delivery.deliveredAt().isBefore(lease)) {
                reclaimed.add(auditEventId);
            }
        });
        System.out.printf(
                "kill -9 of one of two instances: %d logouts sent, %d acknowledged (%d before the kill, %d of them by"
                        + " the killed instance);"
                        + " %d requests received, %d events after dedup, %d duplicates (of %d deliveries the killed"
                        + " instance held and that were sent again after their claim lapsed; its /metrics said it held %.0f"
                        + " as it was killed; %d claimed by either at the kill); the last delivery recorded"
                        + " %d ms after the kill; set-up %d ms, whole test %d ms%n",
                scenario.asked.size(),
                scenario.acknowledged.size(),
                scenario.acknowledgedBeforeKill,
                scenario.acknowledgedByKilled.get(),
                receiver.requests(),
                receiver.byId.size(),
                receiver.duplicates(),
                reclaimed.size(),
                heldAtKill,
                leasedAtKill.size(),
                Duration.between(scenario.killedAt, lastDelivered(deliveries)).toMillis(),
                scenario.setUpMillis(),
                scenario.elapsedMillis());

        scenario.assertBothAcknowledged();
        scenario.assertEveryAcknowledgedArrived(receiver, missing -> missingRows(deliveries, missing));

        assertThat(deliveries.keySet())
                .as("every acknowledged logout has its delivery")
                .containsAll(scenario.acknowledged);
        assertThat(deliveries.values())
                .as("every delivery ended delivered: the acknowledged logouts' and those that committed as the"
                        + " instance died")
                .allSatisfy(delivery -> {
                    assertThat(delivery.attempts()).isGreaterThanOrEqualTo(1);
                    assertThat(delivery.deliveredAt()).isNotNull();
                    assertThat(delivery.lastStatus()).isEqualTo(204);
                });
        assertThat(receiver.tokens()).as("every delivery's event arrived").containsAll(deliveries.keySet());
        assertThat(drained).as("all delivered within %s", Kill9Scenario.DRAIN).isTrue();

        assertThat(reclaimed)
                .as("the kill caught deliveries the killed instance held, sent by the survivor once the claims lapsed")
                .isNotEmpty();
        scenario.assertDuplicatesOnlyOf(reclaimed, receiver);
    }

    /** A delivery row as the database has it in the end. */
    record Delivery(long auditEventId, int attempts, Integer lastStatus, Instant deliveredAt, String lastError) {}

    /** The endpoint's deliveries, by the token their logout revoked. */
    Map<Long, Delivery> deliveries(String url, long endpointId) throws SQLException {
        Map<Long, Delivery> rows = new HashMap<>();
        try (var db = DriverManager.getConnection(url);
                var query = db.prepareStatement(
                        "select a.token_id, d.audit_event_id, d.attempts, d.last_status, d.delivered_at, d.last_error"
                                + " from webhook_deliveries d join audit_events a on a.id = d.audit_event_id"
                                + " where d.endpoint_id = ?")) {
            query.setLong(1, endpointId);
            try (var row = query.executeQuery()) {
                while (row.next()) {
                    var delivered = row.getObject("delivered_at", OffsetDateTime.class);
                    rows.put(
                            row.getLong("token_id"),
                            new Delivery(
                                    row.getLong("audit_event_id"),
                                    row.getInt("attempts"),
                                    (Integer) row.getObject("last_status"),
                                    delivered == null ? null : delivered.toInstant(),
                                    row.getString("last_error")));
                }
            }
        }
        return rows;
    }

    static int undelivered(String url) throws SQLException {
        try (var db = DriverManager.getConnection(url);
                var row = db.createStatement()
                        .executeQuery("select count(*) from webhook_deliveries where delivered_at is null")) {
            row.next();
            return row.getInt(1);
        }
    }

    static Instant lastDelivered(Map<Long, Delivery> deliveries) {
        return deliveries.values().stream()
                .map(Delivery::deliveredAt)
                .filter(Objects::nonNull)
                .max(Instant::compareTo)
                .orElse(Instant.EPOCH);
    }

    static Map<Long, Delivery> missingRows(Map<Long, Delivery> deliveries, Set<Long> missing) {
        Map<Long, Delivery> rows = new HashMap<>();
        missing.forEach(token -> rows.put(token, deliveries.get(token)));
        return rows;
    }

    /** What {@code whitelabel_webhook_held} in the server's {@code /metrics} says. */
    static double held(HttpClient http, Served server) throws IOException, InterruptedException {
        String metrics = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/metrics"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        return metrics.lines()
                .filter(line -> line.startsWith("whitelabel_webhook_held "))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.indexOf(' ') + 1)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no whitelabel_webhook_held in /metrics"));
    }

    /**
     * Verifies every request as Standard Webhooks prescribes (written from the specification, not from
     * the product's code), notes each copy of each {@code webhook-id} it gets, and answers 204 after up to
     * 100 ms, or when its answers are no longer held; 400 to a bad signature.
     */
    static final class DedupingReceiver extends Kill9Scenario.Receiver {

        volatile String secret;

        DedupingReceiver() {
            super("/hooks", 48);
        }

        @Override
        void receive(HttpExchange exchange, Instant arrived) throws IOException, InterruptedException {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            Optional<String> wrong = wrong(
                    id,
                    exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    exchange.getRequestHeaders().getFirst("webhook-signature"),
                    body);
            if (wrong.isPresent()) {
                refuse(exchange, wrong.get());
                return;
            }
            JsonNode event = json.readTree(body);
            if (!event.path("type").asText().equals("token.revoked")) {
                refuse(exchange, "an event of type " + event.path("type"));
                return;
            }
            arrived(
                    id,
                    event.at("/data/token_id").asLong(),
                    event.at("/data/audit_event_id").asLong(),
                    arrived);
            answer(exchange, 204);
        }

        /** What is wrong with a request, by the specification; empty when it verifies. */
        private Optional<String> wrong(String id, String timestamp, String signatures, String body) {
            if (id == null || timestamp == null || signatures == null) {
                return Optional.of("missing webhook-id, webhook-timestamp or webhook-signature");
            }
            if (Math.abs(Instant.now().getEpochSecond() - Long.parseLong(timestamp)) > 5 * 60) {
                return Optional.of("timestamp outside the tolerance: " + timestamp);
            }
            byte[] expected;
            try {
                var mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(
                        Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
                expected = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
            for (String candidate : signatures.split(" ")) {
                try {
                    if (candidate.startsWith("v1,")
                            && MessageDigest.isEqual(
                                    expected, Base64.getDecoder().decode(candidate.substring(3)))) {
                        return Optional.empty();
                    }
                } catch (IllegalArgumentException notBase64) {
                    // another candidate may match
                }
            }
            return Optional.of("no v1 signature matches, webhook-id " + id);
        }
    }
}
