package dev.whitelabel.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

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

/** The README's Java example, line for line: the logout use case in process, no HTTP, no database. */
class InProcessExampleTest {

    @Test
    void the_readme_example_runs() {
        // README example: begin
        var useCases = new WhitelabelUseCases(InMemoryStorage.create(), new BcryptPasswordHasher(), Clock.systemUTC());

        var acme = useCases.createPlatform()
                .create(new NewPlatform("Acme", new EmailAddress("admin@acme.test"), "Ada"));
        var ann = useCases.createPlatformUser()
                .create(acme.platform().id(), new NewPlatformUser("Ann", new EmailAddress("ann@acme.test")));
        var token = useCases.createToken().forAnyUser(ann.id(), NewToken.named("phone"));

        var result = useCases.logoutPlatformUser()
                .logout(Actor.whiteLabelAdmin(acme.admin()), LogoutTarget.user("ann@acme.test"));

        System.out.println(result.revokedTokens()); // 1
        System.out.println(useCases.authenticateToken().authenticate(token.token().value()).isPresent()); // false
        // README example: end

        assertThat(result.revokedTokens()).isEqualTo(1);
        assertThat(useCases.authenticateToken().authenticate(token.token().value())).isEmpty();
    }
}
