package dev.whitelabel.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.whitelabel.adapters.persistence.jdbi.JdbiStorage;
import dev.whitelabel.domain.model.WebhookEventType;
import dev.whitelabel.domain.port.out.DeliveryClaim;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/** Deliveries written before V5, with their event copied in, are sent after it as the same event. */
class WebhookOutboxMigrationTest {

    static final Instant LATER = Instant.parse("2030-01-01T00:00:00Z");

    @TempDir
    Path directory;

    @Test
    void on_h2() throws Exception {
        pendingDeliveryCarriedOver(DatabaseSettings.embeddedH2Url(directory.resolve("whitelabel")));
    }

    @Test
    @EnabledIfEnvironmentVariable(
            named = TestPostgres.URL_VARIABLE,
            matches = ".+",
            disabledReason =
                    "set WHITELABEL_TEST_PG_URL (e.g. jdbc:postgresql://127.0.0.1:5432/test?user=postgres) to run")
    void on_postgresql() throws Exception {
        try (var schema = TestPostgres.freshSchema()) {
            pendingDeliveryCarriedOver(schema.url());
        }
    }

    void pendingDeliveryCarriedOver(String url) throws Exception {
        Flyway.configure()
                .dataSource(url, null, null)
                .locations("classpath:db/migration")
                .target("4")
                .load()
                .migrate();
        try (Connection db = DriverManager.getConnection(url);
                var statement = db.createStatement()) {
            statement.execute("insert into platforms (id, name, created_at) values (7, 'Acme', current_timestamp)");
            statement.execute("""
                    insert into users (id, platform_id, name, email, email_key, role, created_at)
                    values (70, 7, 'Ann', 'ann@acme.test', 'ann@acme.test', 'USER', current_timestamp)""");
            statement.execute("""
                    insert into audit_events (id, occurred_at, platform_id, actor_type, target_user_id, action, token_id,
                        token_count) values (700, current_timestamp, 7, 'OPERATOR', 70, 'LOGOUT_ALL', null, 3)""");
            statement.execute("""
                    insert into webhook_endpoints (id, platform_id, url, events, secret, created_at)
                    values (17, 7, 'http://127.0.0.1/', 'token.revoked,user.logged_out', 'whsec_AAAA', current_timestamp)""");
            statement.execute("""
                    insert into webhook_deliveries (endpoint_id, message_id, event_type, payload, occurred_at, next_attempt_at)
                    values (17, 'msg_before', 'user.logged_out', '{"type":"user.logged_out","timestamp":"2026-11-25T12:00:00Z",
                    "data":{"platform_id":7,"user_id":70,"token_id":null,"scope":"all","revoked_tokens":3,
                    "actor":{"type":"operator","id":null},"audit_event_id":700}}', current_timestamp, current_timestamp)""");
        }

        try (var dataSource = Database.open(DatabaseSettings.of(url))) {
            var claimed = JdbiStorage.over(dataSource)
                    .webhooks()
                    .claimDue(new DeliveryClaim(LATER, LATER.plusSeconds(15), 10, 10, Set.of()));
            assertThat(claimed).singleElement().satisfies(due -> {
                assertThat(due.event().auditEventId()).isEqualTo(700);
                assertThat(due.event().type()).isEqualTo(WebhookEventType.USER_LOGGED_OUT);
                assertThat(due.event().revokedTokens()).isEqualTo(3);
                assertThat(due.url()).isEqualTo("http://127.0.0.1/");
            });
        }
    }
}
