package dev.whitelabel.domain.model;

import dev.whitelabel.domain.error.Input;
import java.util.Optional;

/** A platform user to add; the password, when given, is hashed before it is stored. */
public record NewPlatformUser(
        String name, EmailAddress email, Optional<Password> password, Optional<Timezone> timezone) {

    public NewPlatformUser {
        name = DisplayName.require(Input.NAME, name);
    }

    public NewPlatformUser(String name, EmailAddress email) {
        this(name, email, Optional.empty(), Optional.empty());
    }
}
