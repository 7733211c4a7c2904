package dev.whitelabel.domain.model;

import dev.whitelabel.domain.error.Violation.Rule;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What the operator allows webhook targets to be, and how long one may do nothing but fail. By default
 * only public addresses (none of the {@link SpecialAddresses}), on port 80, 443 or 1024 and above: a
 * URL an admin types must not reach into the network the server runs in, nor make it a probe of other
 * hosts' mail, SSH or other services. Tests and internal deployments allow private targets, which
 * lifts both rules. An endpoint that has failed every attempt for {@code disableAfter} is disabled, as
 * Svix and Stripe do, so that a receiver gone for good does not take sends for ever.
 *
 * <p>The one rule for a target, applied when an endpoint is created and again by the sender to the
 * very addresses it is about to connect to.
 */
public record WebhookPolicy(boolean allowPrivateTargets, Duration disableAfter) {

    /** Svix's and Stripe's: five days of failures, as an ISO-8601 duration. */
    public static final String DEFAULT_DISABLE_AFTER_ISO = "P5D";

    public static final Duration DEFAULT_DISABLE_AFTER = Duration.parse(DEFAULT_DISABLE_AFTER_ISO);

    public WebhookPolicy {
        if (disableAfter.isNegative()) {
            throw new IllegalArgumentException("an endpoint is disabled after a time of 0 or more");
        }
    }

    public WebhookPolicy(boolean allowPrivateTargets) {
        this(allowPrivateTargets, DEFAULT_DISABLE_AFTER);
    }

    public static WebhookPolicy publicTargetsOnly() {
        return new WebhookPolicy(false);
    }

    /** Why a webhook may not go to {@code port} on these addresses (all a host name resolves to), if it may not. */
    public Optional<Rule> refusal(int port, List<InetAddress> addresses) {
        if (allowPrivateTargets) {
            return Optional.empty();
        }
        if (port != 80 && port != 443 && port < 1024) {
            return Optional.of(Rule.PORT_NOT_ALLOWED);
        }
        return addresses.stream().anyMatch(SpecialAddresses::includes)
                ? Optional.of(Rule.NOT_PUBLIC)
                : Optional.empty();
    }
}
