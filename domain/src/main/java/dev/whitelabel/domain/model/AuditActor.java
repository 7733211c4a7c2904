package dev.whitelabel.domain.model;

import java.util.Optional;

/** Who did something, as the audit trail keeps it: a kind, and the id of the user or service client. */
public record AuditActor(Kind kind, Optional<Long> id) {

    public enum Kind {
        ADMIN,
        USER,
        SERVICE_CLIENT,
        OPERATOR,
        /** The service itself, by a rule the operator set: a webhook endpoint disabled after failing too long. */
        SYSTEM
    }

    public static final AuditActor SYSTEM = new AuditActor(Kind.SYSTEM, Optional.empty());

    public AuditActor {
        if (id.isEmpty() != (kind == Kind.OPERATOR || kind == Kind.SYSTEM)) {
            throw new IllegalArgumentException("every actor but the operator and the service itself has an id");
        }
    }

    /** The id when it is a user's (an admin's or a user's own), for listings that name the acting user. */
    public Optional<Long> userId() {
        return kind == Kind.ADMIN || kind == Kind.USER ? id : Optional.empty();
    }
}
