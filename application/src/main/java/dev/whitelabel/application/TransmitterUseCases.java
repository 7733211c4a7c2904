package dev.whitelabel.application;

import dev.whitelabel.domain.port.in.FindTransmitterUseCase;
import dev.whitelabel.domain.port.in.PollSecurityEventsUseCase;
import dev.whitelabel.domain.port.in.PublishSigningKeysUseCase;
import dev.whitelabel.domain.port.in.RotateSigningKeyUseCase;

/** The use cases of a platform's transmitter that sign or make keys, over one signer. */
public record TransmitterUseCases(
        FindTransmitterUseCase findTransmitter,
        PublishSigningKeysUseCase publishSigningKeys,
        RotateSigningKeyUseCase rotateSigningKey,
        PollSecurityEventsUseCase pollSecurityEvents) {}
