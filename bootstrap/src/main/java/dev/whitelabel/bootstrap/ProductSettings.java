package dev.whitelabel.bootstrap;

import dev.whitelabel.domain.model.DeliveryLimits;
import dev.whitelabel.domain.model.LoginThrottle;
import dev.whitelabel.domain.model.WebhookPolicy;

/**
 * What the product runs with besides its database and HTTP settings, built once by a command from its
 * flags and the environment (picocli reads both); a command that does not use a setting keeps its default
 * and parses nothing for it.
 */
record ProductSettings(LoginThrottle loginThrottle, WebhookPolicy webhookPolicy, DeliveryLimits deliveryLimits) {

    static final ProductSettings DEFAULTS =
            new ProductSettings(LoginThrottle.DEFAULT, WebhookPolicy.publicTargetsOnly(), DeliveryLimits.DEFAULT);

    ProductSettings with(WebhookPolicy policy) {
        return new ProductSettings(loginThrottle, policy, deliveryLimits);
    }

    ProductSettings with(LoginThrottle throttle) {
        return new ProductSettings(throttle, webhookPolicy, deliveryLimits);
    }
}
