package dev.whitelabel.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import dev.whitelabel.adapters.persistence.TestPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link WebhookKill9IT}'s scenario for a platform's Shared Signals stream pushed to a receiver (RFC
 * 8935): two instances of the shipped jar on one PostgreSQL, one of them killed with SIGKILL while
 * pushes it sent wait for the receiver's answer. Every acknowledged logout's CAEP {@code session-revoked}
 * token arrives; after deduplication by {@code jti}, each once; a duplicate is only ever of an event the
 * killed instance held when it died, pushed again by the survivor once the claim lapsed, and every push
 * the killed instance had waiting at the receiver is pushed again so.
 *
 * <p>The receiver checks only what tells it the push is the stream's and which event it carries: the
 * {@code Authorization} the stream was created with, and the token's payload, decoded but not verified
 * (the signature, issuer and audience are {@code SharedSignalsOnPostgresqlTest}'s and the walk-through's).
 * Which instance a push came from is read from {@code /proc}: the instance whose sockets include the
 * push's connection.
 */
@EnabledIfEnvironmentVariable(
        named = TestPostgres.URL_VARIABLE,
        matches = ".+",
        disabledReason = "set WHITELABEL_TEST_PG_URL (e.g. jdbc:postgresql://127.0.0.1:5432/test?user=postgres) to"
                + " run: the two instances share one PostgreSQL")
class SharedSignalsKill9IT {

    static final String SESSION_REVOKED = "https://schemas.openid.net/secevent/caep/event-type/session-revoked";
    static final String AUTHORIZATION = "Bearer receiver-secret";

    @TempDir
    Path directory;

    Kill9Scenario scenario;
    final SetReceiver receiver = new SetReceiver();

    @AfterEach
    void close() throws Exception {
        if (scenario != null) {
            scenario.close();
        }
        receiver.stop();
    }

    @Test
    void two_instances_push_every_acknowledged_logouts_session_revoked_once_after_dedup_when_one_is_killed_9()
            throws Exception {
        assumeTrue(Files.isReadable(Path.of("/proc/net/tcp")), "which instance pushed is read from Linux's /proc");
        scenario = new Kill9Scenario(directory);
        receiver.start();
        scenario.start();
        String url = scenario.url;
        String stream = """
                {"delivery":{"method":"urn:ietf:rfc:8935","endpoint_url":"%s","authorization_header":"%s"},\
                "events_requested":["%s"]}""".formatted(receiver.url(), AUTHORIZATION, SESSION_REVOKED);
        var created = scenario.send(
                scenario.toKilled, scenario.killed, "/platforms/" + scenario.platformId + "/ssf/stream", stream);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(scenario.json
                        .readTree(created.body())
                        .at("/events_delivered/0")
                        .asText())
                .isEqualTo(SESSION_REVOKED);

        scenario.load();
        long killedPid = scenario.killed.process().pid();
        Set<Long> heldByKilled = scenario.killWhileItHolds(receiver, () -> {
            Set<Integer> ports = portsConnectedTo(killedPid, receiver.port());
            Set<Long> held = receiver.waiting.entrySet().stream()
                    .filter(waiting -> ports.contains(waiting.getKey()))
                    .map(Map.Entry::getValue)
                    .collect(Collectors.toCollection(TreeSet::new));
            return held.isEmpty() ? Optional.empty() : Optional.of(held);
        });
        Map<Long, Instant> leasedAtKill = scenario.leased(
                "select id, next_attempt_at from security_events where failed_at is null and next_attempt_at > now()");
        scenario.survivorAlone();
        boolean drained = scenario.drain(() -> receiver.tokens().containsAll(scenario.acknowledged)
                && left(url).isEmpty());

        Set<Long> reclaimed = new TreeSet<>();
        receiver.byId.values().forEach(event -> {
            Instant lease = leasedAtKill.get(event.outboxId());
            if (lease != null && event.arrivals().stream().anyMatch(at -> !at.isBefore(lease))) {
                reclaimed.add(event.outboxId());
            }
        });
        System.out.printf(
                "kill -9 of one of two instances pushing a Shared Signals stream: %d logouts sent, %d acknowledged (%d"
                        + " before the kill, %d of them by the killed instance); %d pushes received, %d tokens after"
                        + " dedup by jti, %d duplicates (of %d events the killed instance held and that were pushed"
                        + " again after their claim lapsed; %d of its pushes waited at the receiver as it was killed;"
                        + " %d claimed by either at the kill); the last push arrived %d ms after the kill; set-up %d"
                        + " ms, whole test %d ms%n",
                scenario.asked.size(),
                scenario.acknowledged.size(),
                scenario.acknowledgedBeforeKill,
                scenario.acknowledgedByKilled.get(),
                receiver.requests(),
                receiver.byId.size(),
                receiver.duplicates(),
                reclaimed.size(),
                heldByKilled.size(),
                leasedAtKill.size(),
                Duration.between(scenario.killedAt, receiver.lastArrival()).toMillis(),
                scenario.setUpMillis(),
                scenario.elapsedMillis());

        scenario.assertBothAcknowledged();
        List<Left> left = left(url);
        scenario.assertEveryAcknowledgedArrived(
                receiver,
                missing -> left.stream()
                        .filter(event -> missing.contains(event.tokenId()))
                        .toList());
        assertThat(left)
                .as("events left in the outbox: none is given up, every one was accepted")
                .isEmpty();
        assertThat(drained).as("all pushed within %s", Kill9Scenario.DRAIN).isTrue();

        assertThat(leasedAtKill)
                .as("the pushes the killed instance had waiting at the receiver were of events it had claimed")
                .containsKeys(heldByKilled.toArray(Long[]::new));
        assertThat(reclaimed)
                .as("every push the killed instance had waiting at the receiver as it died was pushed again by the"
                        + " survivor once its claim lapsed")
                .containsAll(heldByKilled);
        scenario.assertDuplicatesOnlyOf(reclaimed, receiver);
    }

    /** An event left in the outbox, which deletes one once its push is accepted. */
    record Left(long jti, long tokenId, int attempts, Instant nextAttemptAt, String lastError, Instant failedAt) {}

    static List<Left> left(String url) throws SQLException {
        List<Left> left = new ArrayList<>();
        try (var db = DriverManager.getConnection(url);
                var row = db.createStatement()
                        .executeQuery("select id, token_id, attempts, next_attempt_at, last_error, failed_at"
                                + " from security_events order by id")) {
            while (row.next()) {
                left.add(new Left(
                        row.getLong("id"),
                        row.getLong("token_id"),
                        row.getInt("attempts"),
                        instant(row.getObject("next_attempt_at", OffsetDateTime.class)),
                        row.getString("last_error"),
                        instant(row.getObject("failed_at", OffsetDateTime.class))));
            }
        }
        return left;
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    /**
     * The local ports of the process's TCP connections to {@code remotePort}: its open sockets' inodes,
     * from {@code /proc/PID/fd}, looked up in {@code /proc/net/tcp} and {@code tcp6}. Only connections to
     * the receiver count: Linux gives connections to different peers the same local port, so the
     * killed instance's port to PostgreSQL can be the survivor's port to the receiver.
     */
    static Set<Integer> portsConnectedTo(long pid, int remotePort) throws IOException {
        Set<String> inodes = new HashSet<>();
        try (Stream<Path> descriptors = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            for (Path descriptor : (Iterable<Path>) descriptors::iterator) {
                try {
                    String target = Files.readSymbolicLink(descriptor).toString();
                    if (target.startsWith("socket:[")) {
                        inodes.add(target.substring("socket:[".length(), target.length() - 1));
                    }
                } catch (IOException closedMeanwhile) {
                    // gone since it was listed
                }
            }
        }
        Set<Integer> ports = new HashSet<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path path = Path.of(table);
            if (!Files.isReadable(path)) {
                continue;
            }
            // sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode
            Files.readAllLines(path).stream()
                    .skip(1)
                    .map(line -> line.trim().split("\\s+"))
                    .forEach(fields -> {
                        if (inodes.contains(fields[9]) && port(fields[2]) == remotePort) {
                            ports.add(port(fields[1]));
                        }
                    });
        }
        return ports;
    }

    /** The port of an address as {@code /proc/net/tcp} writes it: hex address, colon, hex port. */
    private static int port(String address) {
        return Integer.parseInt(address.substring(address.lastIndexOf(':') + 1), 16);
    }

    /**
     * An RFC 8935 receiver that takes a push whose {@code Authorization} is the stream's, decodes its
     * token's payload (nothing more: it identifies the event, the signature is not this test's) and notes
     * it under its {@code jti}, with the session its {@code session-revoked} event ended; it answers 202.
     * It keeps, by the sender's port, the pushes waiting for its answer.
     */
    static final class SetReceiver extends Kill9Scenario.Receiver {

        /** The jti of each push waiting for its answer, by the port it came from. */
        final Map<Integer, Long> waiting = new ConcurrentHashMap<>();

        SetReceiver() {
            // the pusher sends its batch of up to 64 at once, from each instance: none waits for a thread
            super("/events", 160);
        }

        @Override
        void receive(HttpExchange exchange, Instant arrived) throws IOException, InterruptedException {
            String token = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.US_ASCII);
            if (!AUTHORIZATION.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                refuse(exchange, "a push without the stream's Authorization");
                return;
            }
            String[] parts = token.split("\\.");
            if (parts.length != 3) {
                refuse(exchange, "not a JWS in compact serialization: " + token);
                return;
            }
            JsonNode claims = json.readTree(Base64.getUrlDecoder().decode(parts[1]));
            JsonNode events = claims.path("events");
            if (events.size() != 1 || !events.has(SESSION_REVOKED)) {
                refuse(exchange, "an event other than session-revoked: " + events);
                return;
            }
            JsonNode session = claims.at("/sub_id/session/id");
            if (!session.isTextual()) {
                refuse(exchange, "a session-revoked event of no one session: " + claims.path("sub_id"));
                return;
            }
            long jti = Long.parseLong(claims.path("jti").asText());
            arrived(claims.path("jti").asText(), Long.parseLong(session.asText()), jti, arrived);
            int port = exchange.getRemoteAddress().getPort();
            waiting.put(port, jti);
            try {
                answer(exchange, 202);
            } finally {
                waiting.remove(port);
            }
        }
    }
}
