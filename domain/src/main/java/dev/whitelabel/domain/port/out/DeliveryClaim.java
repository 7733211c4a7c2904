package dev.whitelabel.domain.port.out;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What one claim of due deliveries takes: up to {@code limit} in all, and of each endpoint its share:
 * the one {@code shares} gives it, else {@code perEndpoint}; none of an endpoint whose share is 0 (this
 * instance already holds enough of it). Each is leased until {@code leaseUntil}.
 */
public record DeliveryClaim(Instant now, Instant leaseUntil, int limit, int perEndpoint, Map<Long, Integer> shares) {

    public DeliveryClaim {
        if (limit < 1 || perEndpoint < 1) {
            throw new IllegalArgumentException("a claim takes at least one delivery, and one of an endpoint");
        }
        if (shares.values().stream().anyMatch(share -> share < 0)) {
            throw new IllegalArgumentException("an endpoint's share of a claim is never negative");
        }
        shares = Map.copyOf(shares);
    }

    /** A claim that takes {@code perEndpoint} of every endpoint but the {@code skippedEndpoints}. */
    public DeliveryClaim(Instant now, Instant leaseUntil, int limit, int perEndpoint, Set<Long> skippedEndpoints) {
        this(
                now,
                leaseUntil,
                limit,
                perEndpoint,
                skippedEndpoints.stream().collect(Collectors.toMap(Function.identity(), skipped -> 0)));
    }

    public int shareOf(long endpointId) {
        return shares.getOrDefault(endpointId, perEndpoint);
    }

    public Set<Long> skippedEndpoints() {
        return shares.entrySet().stream()
                .filter(share -> share.getValue() == 0)
                .map(Map.Entry::getKey)
                .collect(Collectors.toUnmodifiableSet());
    }
}
