package dev.whitelabel.bootstrap;

import dev.whitelabel.domain.model.DeliveryLimits;
import java.time.Duration;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** How the server's webhook dispatcher shares it: the deadline of an attempt, the attempts of one endpoint. */
final class DeliveryOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(
            names = "--webhook-timeout-seconds",
            paramLabel = "S",
            defaultValue = "${env:WHITELABEL_WEBHOOK_TIMEOUT_SECONDS:-" + DeliveryLimits.DEFAULT_DEADLINE_SECONDS + "}",
            description = "The deadline of a whole webhook attempt: connect, send, the answer read"
                    + " (env WHITELABEL_WEBHOOK_TIMEOUT_SECONDS). Default: ${DEFAULT-VALUE}")
    String timeoutSeconds;

    @Option(
            names = "--webhook-attempts-per-endpoint",
            paramLabel = "N",
            defaultValue =
                    "${env:WHITELABEL_WEBHOOK_ATTEMPTS_PER_ENDPOINT:-" + DeliveryLimits.DEFAULT_PER_ENDPOINT + "}",
            description = "Most attempts of one webhook endpoint running at once on this instance"
                    + " (env WHITELABEL_WEBHOOK_ATTEMPTS_PER_ENDPOINT). Default: ${DEFAULT-VALUE}")
    String perEndpoint;

    DeliveryLimits limits() {
        try {
            return new DeliveryLimits(
                    Duration.ofSeconds(WholeNumbers.of(
                            spec,
                            "--webhook-timeout-seconds",
                            timeoutSeconds,
                            DeliveryLimits.DEFAULT_DEADLINE_SECONDS)),
                    WholeNumbers.of(
                            spec, "--webhook-attempts-per-endpoint", perEndpoint, DeliveryLimits.DEFAULT_PER_ENDPOINT),
                    DeliveryLimits.DEFAULT.inFlight());
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
