package dev.whitelabel.domain.model;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * What the operator allows webhook targets to be. By default only public addresses (none of the
 * {@link SpecialAddresses}): a URL an admin types must not reach into the network the server runs
 * in. Tests and internal deployments allow private targets.
 *
 * <p>The one rule for a target, applied when an endpoint is created and again by the sender to the
 * very addresses it is about to connect to.
 */
public record WebhookPolicy(boolean allowPrivateTargets) {

    public static final String NOT_PUBLIC = "The url field must point to a public address.";

    public static WebhookPolicy publicTargetsOnly() {
        return new WebhookPolicy(false);
    }

    /** Why a webhook may not go to these addresses (all a host name resolves to), if it may not. */
    public Optional<String> refusal(List<InetAddress> addresses) {
        if (allowPrivateTargets) {
            return Optional.empty();
        }
        return addresses.stream().anyMatch(SpecialAddresses::includes) ? Optional.of(NOT_PUBLIC) : Optional.empty();
    }
}
