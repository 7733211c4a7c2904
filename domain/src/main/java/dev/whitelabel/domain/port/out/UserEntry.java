package dev.whitelabel.domain.port.out;

import dev.whitelabel.domain.model.EmailAddress;
import dev.whitelabel.domain.model.Role;
import dev.whitelabel.domain.model.Timezone;
import java.time.Instant;
import java.util.Optional;

/** A user as it is written to the directory: the password already hashed. */
public record UserEntry(
        long platformId,
        String name,
        EmailAddress email,
        Optional<String> passwordHash,
        Optional<Timezone> timezone,
        Role role,
        Instant createdAt) {

    @Override
    public String toString() {
        return "UserEntry[platformId=" + platformId + ", email=" + email.value() + ", role=" + role + "]";
    }
}
