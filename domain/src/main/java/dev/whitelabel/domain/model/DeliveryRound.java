package dev.whitelabel.domain.model;

/**
 * What one step of the dispatcher did: attempts recorded as delivered, to be tried again, or given up;
 * attempts started; whether its claim was full, so that more may be due at once; and how many
 * endpoints it disabled for failing too long.
 */
public record DeliveryRound(
        int delivered, int retrying, int failed, int started, boolean claimFull, int endpointsDisabled) {

    public static final DeliveryRound NOTHING = new DeliveryRound(0, 0, 0, 0, false, 0);

    public int attempted() {
        return delivered + retrying + failed;
    }

    /** Nothing recorded, nothing started: the dispatcher may wait. */
    public boolean idle() {
        return attempted() == 0 && started == 0 && !claimFull;
    }

    public DeliveryRound plus(DeliveryRound other) {
        return new DeliveryRound(
                delivered + other.delivered,
                retrying + other.retrying,
                failed + other.failed,
                started + other.started,
                claimFull || other.claimFull,
                endpointsDisabled + other.endpointsDisabled);
    }
}
