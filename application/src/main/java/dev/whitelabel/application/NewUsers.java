package dev.whitelabel.application;

import dev.whitelabel.domain.error.Input;
import dev.whitelabel.domain.error.InvalidInput;
import dev.whitelabel.domain.error.Violation.Rule;
import dev.whitelabel.domain.model.NewPlatformUser;
import dev.whitelabel.domain.model.Password;
import dev.whitelabel.domain.model.Role;
import dev.whitelabel.domain.model.User;
import dev.whitelabel.domain.port.out.PasswordHasher;
import dev.whitelabel.domain.port.out.UserDirectory;
import dev.whitelabel.domain.port.out.UserEntry;
import java.time.Instant;

/** Adds a platform user with the password hashed; an email taken on the platform is a 422 on email. */
final class NewUsers {

    private final UserDirectory users;
    private final PasswordHasher passwordHasher;

    NewUsers(UserDirectory users, PasswordHasher passwordHasher) {
        this.users = users;
        this.passwordHasher = passwordHasher;
    }

    User add(long platformId, NewPlatformUser request, Instant now) {
        var entry = new UserEntry(
                platformId,
                request.name(),
                request.email(),
                request.password().map(Password::value).map(passwordHasher::hash),
                request.timezone(),
                Role.USER,
                now);
        return users.add(entry).orElseThrow(() -> InvalidInput.of(Input.EMAIL, Rule.TAKEN));
    }
}
