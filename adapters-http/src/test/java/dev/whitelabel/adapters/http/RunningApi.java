package dev.whitelabel.adapters.http;

import dev.whitelabel.adapters.persistence.BcryptPasswordHasher;
import dev.whitelabel.adapters.persistence.memory.InMemoryStorage;
import dev.whitelabel.application.WhitelabelUseCases;
import dev.whitelabel.domain.model.EmailAddress;
import dev.whitelabel.domain.model.NewPlatform;
import dev.whitelabel.domain.model.NewPlatformUser;
import dev.whitelabel.domain.model.NewToken;
import dev.whitelabel.domain.model.PlatformCreated;
import dev.whitelabel.domain.model.User;
import java.time.Clock;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The real server on a free port over the real use cases and the in-memory adapter, fresh for
 * each test; register it with {@code @RegisterExtension}.
 */
final class RunningApi implements BeforeEachCallback, AfterEachCallback {

    WhitelabelUseCases useCases;
    HttpServer server;
    ApiClient api;

    @Override
    public void beforeEach(ExtensionContext context) {
        useCases = new WhitelabelUseCases(InMemoryStorage.create(), new BcryptPasswordHasher(4), Clock.systemUTC());
        server = HttpServer.create(useCases, HttpSettings.defaults()).start("127.0.0.1", 0);
        api = new ApiClient(server.port());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        server.stop();
    }

    PlatformCreated platform(String name) {
        return useCases.createPlatform()
                .create(new NewPlatform(name, new EmailAddress("admin@" + name + ".test"), "Admin"));
    }

    User user(PlatformCreated platform, String email) {
        return useCases.createPlatformUser()
                .create(platform.platform().id(), new NewPlatformUser("Ann", new EmailAddress(email)));
    }

    String token(User user) {
        return useCases.createToken().forAnyUser(user.id(), NewToken.named("api-token")).token().value();
    }

    static String adminToken(PlatformCreated platform) {
        return platform.adminToken().token().value();
    }

    static long idOf(String token) {
        return Long.parseLong(token.substring(0, token.indexOf('|')));
    }

    int me(String token) {
        return api.get("/api/user/me", token).status();
    }
}
