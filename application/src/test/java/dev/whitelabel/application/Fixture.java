package dev.whitelabel.application;

import dev.whitelabel.adapters.persistence.BcryptPasswordHasher;
import dev.whitelabel.adapters.persistence.memory.InMemoryStorage;
import dev.whitelabel.domain.model.Actor;
import dev.whitelabel.domain.model.EmailAddress;
import dev.whitelabel.domain.model.IssuedToken;
import dev.whitelabel.domain.model.NewPlatform;
import dev.whitelabel.domain.model.NewPlatformUser;
import dev.whitelabel.domain.model.PlatformCreated;
import dev.whitelabel.domain.model.User;
import dev.whitelabel.domain.port.out.Storage;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

/** The use cases over the in-memory adapter: no HTTP, no database. */
final class Fixture {

    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    final Storage storage = InMemoryStorage.create();
    final WhitelabelUseCases useCases =
            new WhitelabelUseCases(storage, new BcryptPasswordHasher(4), Clock.fixed(NOW, ZoneOffset.UTC));

    PlatformCreated platform(String name) {
        return useCases.createPlatform()
                .create(new NewPlatform(name, new EmailAddress("admin@" + name + ".test"), "Admin of " + name));
    }

    User user(PlatformCreated platform, String email) {
        return useCases.createPlatformUser()
                .create(platform.platform().id(), new NewPlatformUser("Ann", new EmailAddress(email), Optional.empty()));
    }

    IssuedToken token(User user) {
        return useCases.issueToken().issue(user.id(), "api-token");
    }

    boolean authenticates(IssuedToken token) {
        return useCases.authenticateToken().authenticate(token.token().value()).isPresent();
    }

    static Actor adminOf(PlatformCreated platform) {
        return Actor.whiteLabelAdmin(platform.admin());
    }
}
