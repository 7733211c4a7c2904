package dev.whitelabel.application;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/** When a failed webhook delivery or security event push is tried again, about a day in all, then given up. */
final class RetrySchedule {

    /** The waits after the 1st, 2nd, ... failed attempt; after the last, the delivery is given up (about 25 h in all). */
    static final List<Duration> BACKOFF = List.of(
            Duration.ofSeconds(5),
            Duration.ofSeconds(30),
            Duration.ofMinutes(2),
            Duration.ofMinutes(10),
            Duration.ofMinutes(30),
            Duration.ofHours(1),
            Duration.ofHours(2),
            Duration.ofHours(4),
            Duration.ofHours(8),
            Duration.ofHours(8));

    private RetrySchedule() {}

    /** The next attempt after the {@code failures}-th failure ended at {@code now}; empty once given up. */
    static Optional<Instant> after(int failures, Instant now) {
        return failures > BACKOFF.size()
                ? Optional.empty()
                : Optional.of(now.plus(jittered(BACKOFF.get(failures - 1))));
    }

    /** Up to a fifth either way, so that the retries of many deliveries do not arrive together. */
    private static Duration jittered(Duration wait) {
        long millis = wait.toMillis();
        return Duration.ofMillis(millis + ThreadLocalRandom.current().nextLong(-millis / 5, millis / 5 + 1));
    }
}
