package dev.whitelabel.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.whitelabel.adapters.persistence.jdbi.JdbiStorage;
import dev.whitelabel.domain.model.WebhookEventType;
import dev.whitelabel.domain.port.out.DeliveryClaim;
import java.time.Instant;
import java.util.Set;

/** Deliveries written before V5, with their event copied in, are sent after it as the same event. */
class WebhookOutboxMigrationTest extends MigrationCheck {

    static final Instant LATER = Instant.parse("2030-01-01T00:00:00Z");

    @Override
    void check(String url) throws Exception {
        atVersionWithAnn(url, "4", statement -> {
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
        });

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
