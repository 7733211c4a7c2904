package dev.whitelabel.bootstrap;

import dev.whitelabel.domain.model.LoginThrottle;
import java.time.Duration;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** How many failed logins a platform takes before 429: the server's, since only it logs people in. */
final class LoginThrottleOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(
            names = "--login-failures-per-email",
            paramLabel = "N",
            defaultValue = "${env:WHITELABEL_LOGIN_FAILURES_PER_EMAIL:-" + LoginThrottle.DEFAULT_PER_EMAIL + "}",
            description = "Failed logins for one email of a platform, within the window, before 429"
                    + " (env WHITELABEL_LOGIN_FAILURES_PER_EMAIL). Default: ${DEFAULT-VALUE}")
    String perEmail;

    @Option(
            names = "--login-failures-per-ip",
            paramLabel = "N",
            defaultValue = "${env:WHITELABEL_LOGIN_FAILURES_PER_IP:-" + LoginThrottle.DEFAULT_PER_IP + "}",
            description = "Failed logins from one address on a platform, within the window, before 429"
                    + " (env WHITELABEL_LOGIN_FAILURES_PER_IP). Default: ${DEFAULT-VALUE}")
    String perIp;

    @Option(
            names = "--login-failure-window-seconds",
            paramLabel = "S",
            defaultValue =
                    "${env:WHITELABEL_LOGIN_FAILURE_WINDOW_SECONDS:-" + LoginThrottle.DEFAULT_WINDOW_SECONDS + "}",
            description = "The sliding window both limits count in (env WHITELABEL_LOGIN_FAILURE_WINDOW_SECONDS)."
                    + " Default: ${DEFAULT-VALUE}")
    String windowSeconds;

    LoginThrottle throttle() {
        try {
            return new LoginThrottle(
                    WholeNumbers.of(spec, "--login-failures-per-email", perEmail, LoginThrottle.DEFAULT_PER_EMAIL),
                    WholeNumbers.of(spec, "--login-failures-per-ip", perIp, LoginThrottle.DEFAULT_PER_IP),
                    Duration.ofSeconds(WholeNumbers.of(
                            spec,
                            "--login-failure-window-seconds",
                            windowSeconds,
                            LoginThrottle.DEFAULT_WINDOW_SECONDS)));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
