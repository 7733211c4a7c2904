package dev.whitelabel.application;

import dev.whitelabel.domain.model.Actor;
import dev.whitelabel.domain.model.AuditEvent;
import dev.whitelabel.domain.model.AuditEvent.AuditAction;
import dev.whitelabel.domain.model.DisplayName;
import dev.whitelabel.domain.model.IssuedToken;
import dev.whitelabel.domain.model.PlainTextToken;
import dev.whitelabel.domain.model.TokenDigest;
import dev.whitelabel.domain.model.User;
import dev.whitelabel.domain.port.out.AuditLog;
import dev.whitelabel.domain.port.out.TokenEntry;
import dev.whitelabel.domain.port.out.TokenStore;
import java.time.Clock;
import java.util.Optional;

/** Creates a token for a user and records it in the audit trail; the caller owns the transaction. */
final class TokenIssuer {

    static final String DEFAULT_TOKEN_NAME = "api-token";

    private final TokenStore tokens;
    private final AuditLog auditLog;
    private final Clock clock;
    private final TokenSecrets secrets = new TokenSecrets();

    TokenIssuer(TokenStore tokens, AuditLog auditLog, Clock clock) {
        this.tokens = tokens;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    IssuedToken issue(Actor actor, User owner, String tokenName) {
        String name = DisplayName.require("token_name", tokenName);
        String secret = secrets.next();
        var now = clock.instant();
        long id = tokens.issue(new TokenEntry(
                owner.platformId(), owner.id(), name, TokenDigest.of(secret), Optional.empty(), now));
        auditLog.record(new AuditEvent(
                now, owner.platformId(), actor.userId(), owner.id(), AuditAction.TOKEN_CREATED, Optional.of(id), 1));
        return new IssuedToken(new PlainTextToken(id, secret), name);
    }
}
