package dev.whitelabel.domain.model;

import java.time.Instant;
import java.util.Optional;

/**
 * A user of one platform. The password hash never leaves the user directory. A disabled user keeps
 * their data but can neither sign in nor be given a token.
 */
public record User(
        long id,
        long platformId,
        String name,
        String email,
        Role role,
        Instant createdAt,
        Optional<Instant> disabledAt) {

    public boolean isDisabled() {
        return disabledAt.isPresent();
    }

    public boolean isPlatformUser() {
        return role == Role.USER;
    }

    public boolean isWhiteLabelAdmin() {
        return role == Role.ADMIN;
    }
}
