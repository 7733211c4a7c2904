package dev.whitelabel.application;

import dev.whitelabel.domain.error.InvalidInput;
import dev.whitelabel.domain.error.PlatformNotFound;
import dev.whitelabel.domain.model.NewPlatformUser;
import dev.whitelabel.domain.model.Role;
import dev.whitelabel.domain.model.User;
import dev.whitelabel.domain.port.in.CreatePlatformUserUseCase;
import dev.whitelabel.domain.port.out.PasswordHasher;
import dev.whitelabel.domain.port.out.PlatformStore;
import dev.whitelabel.domain.port.out.UserDirectory;
import dev.whitelabel.domain.port.out.UserEntry;
import java.time.Clock;

public final class CreatePlatformUser implements CreatePlatformUserUseCase {

    private final PlatformStore platforms;
    private final UserDirectory users;
    private final PasswordHasher passwordHasher;
    private final Clock clock;

    public CreatePlatformUser(PlatformStore platforms, UserDirectory users, PasswordHasher passwordHasher, Clock clock) {
        this.platforms = platforms;
        this.users = users;
        this.passwordHasher = passwordHasher;
        this.clock = clock;
    }

    @Override
    public User create(long platformId, NewPlatformUser request) {
        platforms.find(platformId).orElseThrow(PlatformNotFound::new);
        var entry = new UserEntry(
                platformId,
                request.name(),
                request.email(),
                request.password().map(passwordHasher::hash),
                Role.USER,
                clock.instant());
        return users.add(entry).orElseThrow(() -> InvalidInput.of("email", "The email has already been taken."));
    }
}
