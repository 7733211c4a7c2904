package dev.whitelabel.domain.model;

import dev.whitelabel.domain.error.InvalidInput;
import java.util.Optional;

/** A platform user to register; the password, when given, is hashed before it is stored. */
public record NewPlatformUser(String name, EmailAddress email, Optional<String> password) {

    public static final int MIN_PASSWORD_LENGTH = 8;
    // BCrypt reads at most 72 bytes; a longer password would be silently cut.
    public static final int MAX_PASSWORD_LENGTH = 72;

    public NewPlatformUser {
        name = DisplayName.require("name", name);
        password.ifPresent(NewPlatformUser::checkPassword);
    }

    private static void checkPassword(String password) {
        if (password.length() < MIN_PASSWORD_LENGTH) {
            throw InvalidInput.of("password", "The password field must be at least " + MIN_PASSWORD_LENGTH + " characters.");
        }
        if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_PASSWORD_LENGTH) {
            throw InvalidInput.of("password", "The password field must not be greater than " + MAX_PASSWORD_LENGTH + " bytes.");
        }
    }

    @Override
    public String toString() {
        return "NewPlatformUser[name=" + name + ", email=" + email.value() + ", password=<hidden>]";
    }
}
