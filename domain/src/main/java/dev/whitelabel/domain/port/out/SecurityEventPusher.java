package dev.whitelabel.domain.port.out;

import dev.whitelabel.domain.model.StreamDelivery;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Pushes a signed security event token to a stream's receiver (RFC 8935). */
public interface SecurityEventPusher {

    CompletableFuture<Outcome> push(StreamDelivery delivery, String token);

    /**
     * Accepted, or why not in words ({@code error}); a receiver that refused the token itself (400)
     * would refuse it again, so it is not {@code retryable}.
     */
    record Outcome(Optional<String> error, boolean retryable) {
        public static final Outcome ACCEPTED = new Outcome(Optional.empty(), false);

        public static Outcome failed(String error, boolean retryable) {
            return new Outcome(Optional.of(error), retryable);
        }

        public boolean accepted() {
            return error.isEmpty();
        }
    }
}
