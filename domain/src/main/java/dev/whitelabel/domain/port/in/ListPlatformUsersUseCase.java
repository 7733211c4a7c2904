package dev.whitelabel.domain.port.in;

import dev.whitelabel.domain.model.Actor;
import dev.whitelabel.domain.model.Page;
import dev.whitelabel.domain.model.PageRequest;
import dev.whitelabel.domain.model.User;
import java.util.Optional;

/** The platform users of the actor's platform, oldest first, optionally those whose email contains a text. */
public interface ListPlatformUsersUseCase {
    Page<User> list(Actor actor, Optional<String> emailContains, PageRequest page);
}
