package dev.whitelabel.bootstrap;

import dev.whitelabel.domain.model.WebhookPolicy;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Where webhooks may go and when a failing endpoint is disabled: an operator's decision, never a
 * request's; for the commands that create endpoints or send to them. Read before the database opens,
 * so that a value refused leaves no pool open.
 */
final class WebhookPolicyOptions {

    @Option(
            names = "--webhooks-allow-private",
            paramLabel = "true|false",
            arity = "0..1",
            fallbackValue = "true",
            defaultValue = "${env:WHITELABEL_WEBHOOKS_ALLOW_PRIVATE:-false}",
            description = "Let webhook URLs point to loopback, private and other special-purpose addresses, on any"
                    + " port (env WHITELABEL_WEBHOOKS_ALLOW_PRIVATE). Default: ${DEFAULT-VALUE}")
    String allowPrivate;

    @Option(
            names = "--webhook-disable-after",
            paramLabel = "DURATION",
            defaultValue = "${env:WHITELABEL_WEBHOOK_DISABLE_AFTER:-" + WebhookPolicy.DEFAULT_DISABLE_AFTER_ISO + "}",
            description = "An ISO-8601 duration (P5D, PT12H, PT0S): an endpoint failing every attempt for this long is"
                    + " disabled (env WHITELABEL_WEBHOOK_DISABLE_AFTER). Default: ${DEFAULT-VALUE}")
    String disableAfter;

    WebhookPolicy policy() {
        return new WebhookPolicy(
                "true".equalsIgnoreCase(allowPrivate),
                disableAfter.isBlank() ? WebhookPolicy.DEFAULT_DISABLE_AFTER : duration(disableAfter.strip()));
    }

    /** Refused in words: the value is the operator's own, never a secret. */
    private static Duration duration(String value) {
        Optional<Duration> parsed;
        try {
            parsed = Optional.of(Duration.parse(value)).filter(duration -> !duration.isNegative());
        } catch (DateTimeParseException e) {
            parsed = Optional.empty();
        }
        return parsed.orElseThrow(() -> new CommandFailure("WHITELABEL_WEBHOOK_DISABLE_AFTER must be an ISO-8601"
                + " duration of 0 or more, such as P5D or PT12H, not " + value + "."));
    }
}
