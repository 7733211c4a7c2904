package dev.whitelabel.application;

import dev.whitelabel.domain.model.DeliveryLimits;
import dev.whitelabel.domain.port.in.DeliverSecurityEventsUseCase;
import dev.whitelabel.domain.port.in.FindEventStreamUseCase;
import dev.whitelabel.domain.port.out.SecurityEventPusher;
import dev.whitelabel.domain.port.out.SecurityEventSigner;
import dev.whitelabel.domain.port.out.Storage;
import java.time.Clock;

/**
 * Makes the transmitter's signing use cases once the signer is known (it holds the server's key, which
 * bootstrap reads), and this instance's pusher, woken by the events its own use cases write.
 */
final class Transmitters {

    private final Storage storage;
    private final FindEventStreamUseCase streams;
    private final DeliveryActivity activity;
    private final Clock clock;

    Transmitters(Storage storage, FindEventStreamUseCase streams, DeliveryActivity activity, Clock clock) {
        this.storage = storage;
        this.streams = streams;
        this.activity = activity;
        this.clock = clock;
    }

    TransmitterUseCases signingWith(SecurityEventSigner signer) {
        var keys = keys(storage, signer);
        var transmitter = new Transmitter(storage.platforms(), keys);
        return new TransmitterUseCases(
                transmitter, transmitter, transmitter, new PollSecurityEvents(streams, storage.eventStreams(), keys));
    }

    /** Over {@code storage}, the same database as the use cases' reached another way. */
    DeliverSecurityEventsUseCase pushing(
            Storage storage, SecurityEventSigner signer, SecurityEventPusher pusher, DeliveryLimits limits) {
        return new DeliverSecurityEvents(
                storage.eventStreams(), keys(storage, signer), pusher, limits, activity, clock);
    }

    private SigningKeys keys(Storage storage, SecurityEventSigner signer) {
        return new SigningKeys(storage.signingKeys(), signer, storage.transactions(), clock);
    }
}
