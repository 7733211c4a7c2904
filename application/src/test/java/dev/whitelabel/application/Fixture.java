package dev.whitelabel.application;

import dev.whitelabel.adapters.persistence.BcryptPasswordHasher;
import dev.whitelabel.adapters.persistence.memory.InMemoryStorage;
import dev.whitelabel.domain.model.Actor;
import dev.whitelabel.domain.model.AuthenticatedUser;
import dev.whitelabel.domain.model.EmailAddress;
import dev.whitelabel.domain.model.IssuedToken;
import dev.whitelabel.domain.model.NewPlatform;
import dev.whitelabel.domain.model.NewPlatformUser;
import dev.whitelabel.domain.model.NewToken;
import dev.whitelabel.domain.model.PlatformCreated;
import dev.whitelabel.domain.model.User;
import dev.whitelabel.domain.model.WebhookPolicy;
import dev.whitelabel.domain.port.out.Storage;
import java.time.Instant;

/** The use cases over the in-memory adapter: no HTTP, no database. */
final class Fixture {

    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    final Storage storage = InMemoryStorage.create();
    final MutableClock clock = new MutableClock(NOW);
    final WhitelabelUseCases useCases = new WhitelabelUseCases(storage, new BcryptPasswordHasher(4), clock);
    /** The same storage, for tests whose webhook receivers live on this machine. */
    final WhitelabelUseCases useCasesAllowingPrivateTargets =
            new WhitelabelUseCases(storage, new BcryptPasswordHasher(4), clock, new WebhookPolicy(true));

    PlatformCreated platform(String name) {
        return useCases.createPlatform()
                .create(new NewPlatform(name, new EmailAddress("admin@" + name + ".test"), "Admin of " + name));
    }

    User user(PlatformCreated platform, String email) {
        return useCases.createPlatformUser()
                .create(platform.platform().id(), new NewPlatformUser("Ann", new EmailAddress(email)));
    }

    IssuedToken token(User user) {
        return useCases.createToken().forAnyUser(user.id(), NewToken.named("api-token"));
    }

    boolean authenticates(IssuedToken token) {
        return useCases.authenticateToken().authenticate(token.token().value()).isPresent();
    }

    AuthenticatedUser caller(IssuedToken token) {
        return useCases.authenticateToken().authenticate(token.token().value()).orElseThrow();
    }

    static Actor adminOf(PlatformCreated platform) {
        return Actor.whiteLabelAdmin(platform.admin());
    }
}
