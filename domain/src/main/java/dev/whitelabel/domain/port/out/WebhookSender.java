package dev.whitelabel.domain.port.out;

import java.util.Map;
import java.util.Optional;

/** Sends one signed event over HTTP: never follows a redirect, never waits long. */
public interface WebhookSender {

    /** The receiver's status, or why there was none (timeout, refused, a target not allowed). */
    record Outcome(Optional<Integer> status, Optional<String> error) {
        public boolean delivered() {
            return status.isPresent() && status.get() >= 200 && status.get() < 300;
        }
    }

    Outcome send(String url, Map<String, String> headers, String body);
}
