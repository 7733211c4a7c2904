package dev.whitelabel.application;

import dev.whitelabel.domain.error.PlatformNotFound;
import dev.whitelabel.domain.model.NewPlatformUser;
import dev.whitelabel.domain.model.User;
import dev.whitelabel.domain.port.in.CreatePlatformUserUseCase;
import dev.whitelabel.domain.port.out.PlatformStore;
import java.time.Clock;

final class CreatePlatformUser implements CreatePlatformUserUseCase {

    private final PlatformStore platforms;
    private final NewUsers newUsers;
    private final Clock clock;

    CreatePlatformUser(PlatformStore platforms, NewUsers newUsers, Clock clock) {
        this.platforms = platforms;
        this.newUsers = newUsers;
        this.clock = clock;
    }

    @Override
    public User create(long platformId, NewPlatformUser request) {
        platforms.find(platformId).orElseThrow(PlatformNotFound::new);
        return newUsers.add(platformId, request, clock.instant());
    }
}
