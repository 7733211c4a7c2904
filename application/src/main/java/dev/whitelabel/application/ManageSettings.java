package dev.whitelabel.application;

import dev.whitelabel.domain.error.PlatformNotFound;
import dev.whitelabel.domain.model.Actor;
import dev.whitelabel.domain.model.SessionCap;
import dev.whitelabel.domain.port.in.ChangeSessionCapCommand;
import dev.whitelabel.domain.port.in.ChangeSessionCapUseCase;
import dev.whitelabel.domain.port.in.ReadSessionCapUseCase;
import dev.whitelabel.domain.port.out.PlatformStore;
import java.util.Optional;
import java.util.OptionalInt;

final class ManageSettings implements ReadSessionCapUseCase, ChangeSessionCapUseCase {

    private final PlatformStore platforms;

    ManageSettings(PlatformStore platforms) {
        this.platforms = platforms;
    }

    @Override
    public SessionCap sessionCap(Actor actor) {
        return platforms.sessionCap(actor.platformId()).orElseThrow(PlatformNotFound::new);
    }

    @Override
    public SessionCap changeSessionCap(ChangeSessionCapCommand command) {
        Actor actor = command.actor();
        Optional<OptionalInt> max = command.max();
        Optional<SessionCap.Policy> policy = command.policy();
        max.ifPresent(SessionCap::validMax);
        return platforms.changeSessionCap(actor.platformId(), max, policy).orElseThrow(PlatformNotFound::new);
    }
}
