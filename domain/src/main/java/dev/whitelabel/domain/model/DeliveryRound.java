package dev.whitelabel.domain.model;

/**
 * What one step of the dispatcher did: deliveries that arrived, that will be tried again, that were
 * given up; and whether its claim was full, so that more may be due at once.
 */
public record DeliveryRound(int delivered, int retrying, int failed, boolean claimFull) {

    public int attempted() {
        return delivered + retrying + failed;
    }
}
