package dev.whitelabel.domain.model;

import dev.whitelabel.domain.error.NotWhiteLabelAdmin;
import java.util.Optional;

/** Who asks for an admin operation, and so which platform it is confined to. */
public sealed interface Actor {

    long platformId();

    /** Who this is in the audit trail. */
    AuditActor audited();

    /**
     * The most a token this actor issues may hold, and what it holds when none are asked for. An
     * admin or a user acting with a token passes on no more than that token holds: abilities only
     * narrow. Whoever acts without one (the operator, a caller in process) holds every ability.
     */
    default Abilities abilities() {
        return Abilities.EVERYTHING;
    }

    /** An admin acting in process, with no token to narrow what they may do. */
    static Actor whiteLabelAdmin(User user) {
        return whiteLabelAdmin(user, Abilities.EVERYTHING);
    }

    /** An admin acting with the token of {@code caller}. */
    static Actor whiteLabelAdmin(AuthenticatedUser caller) {
        return whiteLabelAdmin(caller.user(), caller.abilities());
    }

    private static Actor whiteLabelAdmin(User user, Abilities abilities) {
        if (!user.isWhiteLabelAdmin()) {
            throw new NotWhiteLabelAdmin();
        }
        return new WhiteLabelAdmin(user, abilities);
    }

    static Actor operator(long platformId) {
        return new Operator(platformId);
    }

    static Actor tokenOwner(AuthenticatedUser caller) {
        return new TokenOwner(caller.user(), caller.abilities());
    }

    static Actor serviceClient(ServiceClient client) {
        return new OfServiceClient(client);
    }

    /** A platform's admin, acting over HTTP with their own token. */
    record WhiteLabelAdmin(User admin, Abilities abilities) implements Actor {
        public long platformId() {
            return admin.platformId();
        }

        public AuditActor audited() {
            return new AuditActor(AuditActor.Kind.ADMIN, Optional.of(admin.id()));
        }
    }

    /** A user acting on their own tokens, with one of them. */
    record TokenOwner(User user, Abilities abilities) implements Actor {
        public long platformId() {
            return user.platformId();
        }

        public AuditActor audited() {
            return new AuditActor(AuditActor.Kind.USER, Optional.of(user.id()));
        }
    }

    /** Whoever runs the command line on a machine that holds the database credentials. */
    record Operator(long platformId) implements Actor {
        public AuditActor audited() {
            return new AuditActor(AuditActor.Kind.OPERATOR, Optional.empty());
        }
    }

    /** A platform's resource server, revoking a token it was shown (RFC 7009). */
    record OfServiceClient(ServiceClient client) implements Actor {
        public long platformId() {
            return client.platformId();
        }

        public AuditActor audited() {
            return new AuditActor(AuditActor.Kind.SERVICE_CLIENT, Optional.of(client.id()));
        }
    }
}
