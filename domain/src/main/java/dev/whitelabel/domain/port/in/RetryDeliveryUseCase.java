package dev.whitelabel.domain.port.in;

/**
 * A delivery of a webhook endpoint due again now.
 */
public interface RetryDeliveryUseCase {
    /** @throws dev.whitelabel.domain.error.DeliveryNotFound not one of that endpoint's */
    void retry(RetryDeliveryCommand command);
}
