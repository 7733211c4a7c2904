package dev.whitelabel.domain.model;

import java.time.Duration;

/**
 * How webhook delivery shares an instance: {@code attemptDeadline} ends every attempt (connect, send,
 * the answer read), {@code perEndpoint} attempts of one endpoint run at once at most, so a slow receiver
 * holds only its own share, and {@code inFlight} deliveries at most are held by the instance at once.
 */
public record DeliveryLimits(Duration attemptDeadline, int perEndpoint, int inFlight) {

    public static final int DEFAULT_DEADLINE_SECONDS = 5;
    public static final int DEFAULT_PER_ENDPOINT = 16;
    public static final DeliveryLimits DEFAULT =
            new DeliveryLimits(Duration.ofSeconds(DEFAULT_DEADLINE_SECONDS), DEFAULT_PER_ENDPOINT, 512);
    /** Deliveries of one endpoint claimed ahead of its running attempts: claims of a few rows each would cost a commit a few. */
    private static final int AHEAD = 2;

    private static final Duration MARGIN = Duration.ofSeconds(5);

    public DeliveryLimits {
        if (attemptDeadline.toMillis() < 100 || attemptDeadline.toSeconds() > 600) {
            throw new IllegalArgumentException("a webhook attempt's deadline is between 0.1 and 600 seconds");
        }
        if (perEndpoint < 1 || perEndpoint > 256 || inFlight < perEndpoint || inFlight > 100_000) {
            throw new IllegalArgumentException(
                    "webhook attempts per endpoint are between 1 and 256, and no more than those in flight");
        }
    }

    /** The most of one endpoint's deliveries one claim takes, unless its attempts end quickly. */
    public int claimedPerEndpoint() {
        return perEndpoint * AHEAD;
    }

    /**
     * The most of one endpoint's deliveries this instance holds when its attempts end quickly: enough to
     * keep them going while the next claim is taken, on a database busy with logouts.
     */
    public int mostHeldPerEndpoint() {
        return perEndpoint * 16;
    }

    /**
     * How long a claim holds: long enough for a delivery claimed ahead to wait its turn and then run
     * to its deadline with a margin; one that would start later is left for its lease to lapse.
     */
    public Duration lease() {
        return attemptDeadline.multipliedBy(AHEAD + 2).plus(MARGIN);
    }

    /** Whether an attempt starting at {@code now} ends, deadline and margin included, before the lease. */
    public boolean startsInTime(java.time.Instant now, java.time.Instant leaseUntil) {
        return !now.plus(attemptDeadline).plus(MARGIN).isAfter(leaseUntil);
    }
}
