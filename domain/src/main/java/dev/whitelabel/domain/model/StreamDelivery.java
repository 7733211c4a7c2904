package dev.whitelabel.domain.model;

import java.util.Optional;

/**
 * How a stream's events reach its receiver: pushed to the receiver's {@code endpointUrl}, with its
 * {@code authorization} header when it gave one (RFC 8935), or polled by the receiver at the
 * transmitter's poll endpoint (RFC 8936), which the adapter names.
 */
public record StreamDelivery(Method method, Optional<String> endpointUrl, Optional<String> authorization) {

    public enum Method {
        PUSH,
        POLL
    }

    public static final StreamDelivery POLL = new StreamDelivery(Method.POLL, Optional.empty(), Optional.empty());

    public StreamDelivery {
        if ((method == Method.PUSH) != endpointUrl.isPresent()) {
            throw new IllegalArgumentException("a pushed stream names its receiver's endpoint, a polled one does not");
        }
    }

    public static StreamDelivery push(String endpointUrl, Optional<String> authorization) {
        return new StreamDelivery(Method.PUSH, Optional.of(endpointUrl), authorization);
    }

    public boolean isPush() {
        return method == Method.PUSH;
    }

    @Override
    public String toString() {
        return "StreamDelivery[method=" + method + ", endpointUrl=" + endpointUrl.orElse("") + "]";
    }
}
