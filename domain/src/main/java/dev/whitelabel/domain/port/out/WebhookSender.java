package dev.whitelabel.domain.port.out;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Writes a claimed delivery's event as its receiver reads it, signs it with its endpoint's secret and
 * sends it over HTTP: never follows a redirect, never waits long, and connects only to
 * addresses the {@link dev.whitelabel.domain.model.WebhookPolicy} allows, checked as it connects,
 * since what a name resolves to may have changed since its endpoint was created. The answer is
 * awaited apart from the call, so that one slow receiver does not hold up the sends beside it.
 */
public interface WebhookSender {

    /** The receiver's status, or why there was none (timeout, refused, a target not allowed). */
    record Outcome(Optional<Integer> status, Optional<String> error) {
        public boolean delivered() {
            return status.isPresent() && status.get() >= 200 && status.get() < 300;
        }

        public static Outcome failed(String why) {
            return new Outcome(Optional.empty(), Optional.of(why));
        }
    }

    /** Completes with the outcome; never completes exceptionally. */
    CompletableFuture<Outcome> send(DueDelivery delivery);
}
