package dev.whitelabel.domain.port.out;

import java.time.Instant;
import java.util.Set;

/**
 * What one claim of due deliveries takes: up to {@code limit} in all and {@code perEndpoint} of any one
 * endpoint, none of the {@code skippedEndpoints} (this instance already holds their share), each leased
 * until {@code leaseUntil}.
 */
public record DeliveryClaim(Instant now, Instant leaseUntil, int limit, int perEndpoint, Set<Long> skippedEndpoints) {

    public DeliveryClaim {
        if (limit < 1 || perEndpoint < 1) {
            throw new IllegalArgumentException("a claim takes at least one delivery, and one of an endpoint");
        }
        skippedEndpoints = Set.copyOf(skippedEndpoints);
    }
}
