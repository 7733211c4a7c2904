package dev.whitelabel.domain.model;

/** What one step of the dispatcher did: deliveries that arrived, that will be tried again, that were given up. */
public record DeliveryRound(int delivered, int retrying, int failed) {

    public int attempted() {
        return delivered + retrying + failed;
    }
}
