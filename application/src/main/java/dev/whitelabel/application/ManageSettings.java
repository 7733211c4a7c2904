package dev.whitelabel.application;

import dev.whitelabel.domain.error.PlatformNotFound;
import dev.whitelabel.domain.model.Actor;
import dev.whitelabel.domain.model.SessionCap;
import dev.whitelabel.domain.port.in.ManageSettingsUseCase;
import dev.whitelabel.domain.port.out.PlatformStore;
import dev.whitelabel.domain.port.out.Transactions;
import java.util.Optional;
import java.util.OptionalInt;

public final class ManageSettings implements ManageSettingsUseCase {

    private final PlatformStore platforms;
    private final Transactions transactions;

    ManageSettings(PlatformStore platforms, Transactions transactions) {
        this.platforms = platforms;
        this.transactions = transactions;
    }

    @Override
    public SessionCap sessionCap(Actor actor) {
        return platforms.sessionCap(actor.platformId()).orElseThrow(PlatformNotFound::new);
    }

    @Override
    public SessionCap changeSessionCap(Actor actor, Optional<OptionalInt> max, Optional<SessionCap.Policy> policy) {
        return transactions.inTransaction(() -> {
            var changed = sessionCap(actor).with(max, policy);
            platforms.setSessionCap(actor.platformId(), changed);
            return changed;
        });
    }
}
