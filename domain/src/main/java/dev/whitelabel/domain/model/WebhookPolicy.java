package dev.whitelabel.domain.model;

/**
 * What the operator allows webhook targets to be. By default only public addresses: a URL an admin
 * types must not reach into the network the server runs in (loopback, private, link-local and the
 * cloud metadata address). Tests and internal deployments allow private targets.
 */
public record WebhookPolicy(boolean allowPrivateTargets) {

    public static WebhookPolicy publicTargetsOnly() {
        return new WebhookPolicy(false);
    }
}
