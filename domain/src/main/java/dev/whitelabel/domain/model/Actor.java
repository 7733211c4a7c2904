package dev.whitelabel.domain.model;

import dev.whitelabel.domain.error.NotWhiteLabelAdmin;
import java.util.Optional;

/** Who asks for an admin operation, and so which platform it is confined to. */
public sealed interface Actor {

    long platformId();

    /** The admin's user id for the audit trail; empty for the operator's command line. */
    Optional<Long> userId();

    static Actor whiteLabelAdmin(User user) {
        if (!user.isWhiteLabelAdmin()) {
            throw new NotWhiteLabelAdmin();
        }
        return new WhiteLabelAdmin(user);
    }

    static Actor operator(long platformId) {
        return new Operator(platformId);
    }

    static Actor tokenOwner(User user) {
        return new TokenOwner(user);
    }

    /** A platform's admin, acting over HTTP with their own token. */
    record WhiteLabelAdmin(User admin) implements Actor {
        public long platformId() {
            return admin.platformId();
        }

        public Optional<Long> userId() {
            return Optional.of(admin.id());
        }
    }

    /** A user acting on their own tokens. */
    record TokenOwner(User user) implements Actor {
        public long platformId() {
            return user.platformId();
        }

        public Optional<Long> userId() {
            return Optional.of(user.id());
        }
    }

    /** Whoever runs the command line on a machine that holds the database credentials. */
    record Operator(long platformId) implements Actor {
        public Optional<Long> userId() {
            return Optional.empty();
        }
    }
}
