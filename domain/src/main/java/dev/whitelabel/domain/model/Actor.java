package dev.whitelabel.domain.model;

import dev.whitelabel.domain.error.NotWhiteLabelAdmin;
import java.util.Optional;

/** Who asks for an admin operation, and so which platform it is confined to. */
public sealed interface Actor {

    long platformId();

    /** Who this is in the audit trail. */
    AuditActor audited();

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

    static Actor serviceClient(ServiceClient client) {
        return new OfServiceClient(client);
    }

    /** A platform's admin, acting over HTTP with their own token. */
    record WhiteLabelAdmin(User admin) implements Actor {
        public long platformId() {
            return admin.platformId();
        }

        public AuditActor audited() {
            return new AuditActor(AuditActor.Kind.ADMIN, Optional.of(admin.id()));
        }
    }

    /** A user acting on their own tokens. */
    record TokenOwner(User user) implements Actor {
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
