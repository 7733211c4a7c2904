package dev.whitelabel.application;

import dev.whitelabel.domain.error.InvalidInput;
import dev.whitelabel.domain.model.Actor;
import dev.whitelabel.domain.model.AuditEvent.AuditAction;
import dev.whitelabel.domain.model.AuditEvent;
import dev.whitelabel.domain.model.IssuedToken;
import dev.whitelabel.domain.model.NewToken;
import dev.whitelabel.domain.model.PlainTextToken;
import dev.whitelabel.domain.model.TokenDigest;
import dev.whitelabel.domain.model.User;
import dev.whitelabel.domain.port.out.AuditLog;
import dev.whitelabel.domain.port.out.TokenEntry;
import dev.whitelabel.domain.port.out.TokenStore;
import java.time.Instant;
import java.util.Optional;

/** Creates a token for a user and records it in the audit trail; the caller owns the transaction. */
final class TokenIssuer {

    private final TokenStore tokens;
    private final AuditLog auditLog;
    private final TokenSecrets secrets = new TokenSecrets();

    TokenIssuer(TokenStore tokens, AuditLog auditLog) {
        this.tokens = tokens;
        this.auditLog = auditLog;
    }

    /** @throws InvalidInput the owner is disabled */
    IssuedToken issue(Actor actor, User owner, NewToken request, Instant now) {
        if (owner.isDisabled()) {
            throw InvalidInput.of("user", "The user is disabled.");
        }
        String secret = secrets.next();
        Optional<Instant> expiresAt = request.expiresIn().map(now::plus);
        long id = tokens.issue(new TokenEntry(owner.platformId(), owner.id(), request.name(), TokenDigest.of(secret),
                expiresAt, now, request.device()));
        auditLog.record(AuditEvent.ofTokens(now, actor, owner, AuditAction.TOKEN_CREATED, Optional.of(id), 1));
        return new IssuedToken(new PlainTextToken(id, secret), request.name(), now);
    }
}
