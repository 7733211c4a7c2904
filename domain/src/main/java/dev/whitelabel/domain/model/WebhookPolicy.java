package dev.whitelabel.domain.model;

import java.time.Duration;

/**
 * What the operator allows webhook targets to be, and how long one may do nothing but fail. By default
 * only public addresses: a URL an admin types must not reach into the network the server runs in
 * (loopback, private, link-local and the cloud metadata address). Tests and internal deployments
 * allow private targets. An endpoint that has failed every attempt for {@code disableAfter} is
 * disabled, as Svix and Stripe do, so that a receiver gone for good does not take sends for ever.
 */
public record WebhookPolicy(boolean allowPrivateTargets, Duration disableAfter) {

    /** Svix's and Stripe's: five days of failures. */
    public static final Duration DEFAULT_DISABLE_AFTER = Duration.ofDays(5);

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
}
