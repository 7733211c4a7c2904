package dev.whitelabel.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.whitelabel.adapters.http.HttpServer;
import dev.whitelabel.adapters.http.HttpSettings;
import dev.whitelabel.adapters.persistence.BcryptPasswordHasher;
import dev.whitelabel.adapters.persistence.memory.InMemoryStorage;
import dev.whitelabel.application.WhitelabelUseCases;
import dev.whitelabel.domain.model.Actor;
import dev.whitelabel.domain.model.EmailAddress;
import dev.whitelabel.domain.model.LogoutTarget;
import dev.whitelabel.domain.model.NewPlatform;
import dev.whitelabel.domain.model.NewPlatformUser;
import dev.whitelabel.domain.model.NewToken;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/**
 * The README's Java examples, line for line ({@code ReadmeJavaSnippetsTest} holds the README to these
 * regions): the logout use case in process, no HTTP, no database; then the same use cases served.
 */
class InProcessExampleTest {

    @Test
    void the_readme_example_runs() {
        // README in-process: begin
        var useCases = new WhitelabelUseCases(InMemoryStorage.create(), new BcryptPasswordHasher(), Clock.systemUTC());

        var platform = new NewPlatform("Acme", new EmailAddress("admin@acme.test"), "Ada");
        var acme = useCases.createPlatform().create(platform);
        var ann = useCases.createPlatformUser()
                .create(acme.platform().id(), new NewPlatformUser("Ann", new EmailAddress("ann@acme.test")));
        var token = useCases.createToken().forAnyUser(ann.id(), NewToken.named("phone"));

        var result = useCases.logoutPlatformUser()
                .logout(Actor.whiteLabelAdmin(acme.admin()), LogoutTarget.user("ann@acme.test"));

        var stillValid = useCases.authenticateToken().authenticate(token.token().value());
        System.out.println(result.revokedTokens()); // 1
        System.out.println(stillValid.isPresent()); // false
        // README in-process: end

        assertThat(result.revokedTokens()).isEqualTo(1);
        assertThat(stillValid).isEmpty();
    }

    /**
     * The README's line that serves HTTP from your own main: compiled with the tests, not run, since it
     * takes port 8080 ({@code EmbeddedServerTest} serves the same way on a free port).
     */
    static HttpServer serveHttp(WhitelabelUseCases useCases) {
        // README serve-http: begin
        var server = HttpApi.create(useCases, HttpSettings.defaults()).start("0.0.0.0", 8080);
        // port 0 picks a free one (server.port() tells which); server.stop() lets requests in flight finish
        // README serve-http: end
        return server;
    }
}
