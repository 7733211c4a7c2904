package dev.whitelabel.domain.model;

/**
 * What one step of the dispatcher did: deliveries that arrived, that will be tried again, that were
 * given up; whether its claim was full, so that more may be due at once; and how many endpoints it
 * disabled for failing too long.
 */
public record DeliveryRound(int delivered, int retrying, int failed, boolean claimFull, int endpointsDisabled) {

    public int attempted() {
        return delivered + retrying + failed;
    }
}
