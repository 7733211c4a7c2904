package dev.whitelabel.application;

import dev.whitelabel.domain.error.PlatformNotFound;
import dev.whitelabel.domain.model.Actor;
import dev.whitelabel.domain.model.Platform;
import dev.whitelabel.domain.model.SigningKey;
import dev.whitelabel.domain.port.in.FindTransmitterUseCase;
import dev.whitelabel.domain.port.in.PublishSigningKeysUseCase;
import dev.whitelabel.domain.port.in.RotateSigningKeyUseCase;
import dev.whitelabel.domain.port.out.PlatformStore;
import java.util.List;

/** A platform as a Shared Signals transmitter: found, its keys published and rotated. */
final class Transmitter implements FindTransmitterUseCase, PublishSigningKeysUseCase, RotateSigningKeyUseCase {

    private final PlatformStore platforms;
    private final SigningKeys keys;

    Transmitter(PlatformStore platforms, SigningKeys keys) {
        this.platforms = platforms;
        this.keys = keys;
    }

    @Override
    public Platform find(long platformId) {
        return platforms.find(platformId).orElseThrow(PlatformNotFound::new);
    }

    @Override
    public List<SigningKey> published(long platformId) {
        return keys.published(find(platformId).id());
    }

    @Override
    public SigningKey rotate(Actor actor) {
        Administrators.require(actor);
        return keys.rotate(find(actor.platformId()).id());
    }
}
