package dev.whitelabel.domain.model;

import java.time.Instant;

/** A user of one platform. The password hash never leaves the user directory. */
public record User(long id, long platformId, String name, String email, Role role, Instant createdAt) {

    public boolean isPlatformUser() {
        return role == Role.USER;
    }

    public boolean isWhiteLabelAdmin() {
        return role == Role.ADMIN;
    }
}
