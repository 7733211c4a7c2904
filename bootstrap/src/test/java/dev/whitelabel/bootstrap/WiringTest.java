package dev.whitelabel.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.whitelabel.domain.model.WebhookPolicy;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The settings the wiring reads from the environment, and the values it refuses in words. */
class WiringTest {

    @Test
    void an_endpoint_has_five_days_to_fail_unless_the_operator_says_otherwise_as_an_iso_duration() {
        assertThat(Wiring.webhookPolicy(Map.of()))
                .isEqualTo(new WebhookPolicy(false, WebhookPolicy.DEFAULT_DISABLE_AFTER));
        assertThat(Wiring.webhookPolicy(Map.of(
                        "WHITELABEL_WEBHOOK_DISABLE_AFTER", " PT12H ", "WHITELABEL_WEBHOOKS_ALLOW_PRIVATE", "true")))
                .isEqualTo(new WebhookPolicy(true, Duration.ofHours(12)));
        assertThat(Wiring.webhookPolicy(Map.of("WHITELABEL_WEBHOOK_DISABLE_AFTER", "PT0S"))
                        .disableAfter())
                .isZero();
    }

    @Test
    void a_duration_that_is_not_one_or_is_negative_is_refused_naming_the_variable() {
        for (String value : new String[] {"5 days", "432000", "-P1D"}) {
            assertThatThrownBy(() -> Wiring.webhookPolicy(Map.of("WHITELABEL_WEBHOOK_DISABLE_AFTER", value)))
                    .isInstanceOf(CommandFailure.class)
                    .hasMessage("WHITELABEL_WEBHOOK_DISABLE_AFTER must be an ISO-8601 duration of 0 or more, such as"
                            + " P5D or PT12H, not " + value + ".");
        }
    }
}
