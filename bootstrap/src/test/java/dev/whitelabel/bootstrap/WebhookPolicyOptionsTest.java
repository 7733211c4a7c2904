package dev.whitelabel.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.whitelabel.domain.model.WebhookPolicy;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The webhook policy as the flags give it (the environment gives the same values), and the values refused in words. */
class WebhookPolicyOptionsTest {

    /** The options after picocli has read {@code args}, with the defaults of this process's environment. */
    static WebhookPolicy webhookPolicy(String... args) {
        var options = new WebhookPolicyOptions();
        new CommandLine(options).parseArgs(args);
        return options.policy();
    }

    @Test
    void an_endpoint_has_five_days_to_fail_unless_the_operator_says_otherwise_as_an_iso_duration() {
        assertThat(webhookPolicy()).isEqualTo(new WebhookPolicy(false, WebhookPolicy.DEFAULT_DISABLE_AFTER));
        assertThat(webhookPolicy("--webhook-disable-after", " PT12H ", "--webhooks-allow-private", "true"))
                .isEqualTo(new WebhookPolicy(true, Duration.ofHours(12)));
        assertThat(webhookPolicy("--webhook-disable-after", "PT0S").disableAfter())
                .isZero();
    }

    @Test
    void a_duration_that_is_not_one_or_is_negative_is_refused_naming_the_variable() {
        for (String value : new String[] {"5 days", "432000", "-P1D"}) {
            assertThatThrownBy(() -> webhookPolicy("--webhook-disable-after=" + value))
                    .isInstanceOf(CommandFailure.class)
                    .hasMessage("WHITELABEL_WEBHOOK_DISABLE_AFTER must be an ISO-8601 duration of 0 or more, such as"
                            + " P5D or PT12H, not " + value + ".");
        }
    }
}
