package dev.whitelabel.domain.port.in;

import dev.whitelabel.domain.model.DeliveryRound;

/** The dispatcher's one step, which every running instance takes over and over. */
public interface DeliverWebhooksUseCase {

    /** Sends the deliveries due now, as many as one claim takes, and says what came of them. */
    DeliveryRound deliverDue();
}
