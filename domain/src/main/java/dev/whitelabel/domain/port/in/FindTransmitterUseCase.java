package dev.whitelabel.domain.port.in;

import dev.whitelabel.domain.model.Platform;

/** A platform as a Shared Signals transmitter: each platform is one, with its own issuer. */
public interface FindTransmitterUseCase {
    /** @throws dev.whitelabel.domain.error.PlatformNotFound no such platform */
    Platform find(long platformId);
}
