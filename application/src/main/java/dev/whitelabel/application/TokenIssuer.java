package dev.whitelabel.application;

import dev.whitelabel.domain.error.Input;
import dev.whitelabel.domain.error.InvalidInput;
import dev.whitelabel.domain.error.Violation.Rule;
import dev.whitelabel.domain.model.Abilities;
import dev.whitelabel.domain.model.Actor;
import dev.whitelabel.domain.model.AuditEvent;
import dev.whitelabel.domain.model.AuditEvent.AuditAction;
import dev.whitelabel.domain.model.IssuedToken;
import dev.whitelabel.domain.model.NewToken;
import dev.whitelabel.domain.model.PlainTextToken;
import dev.whitelabel.domain.model.SessionCap;
import dev.whitelabel.domain.model.TokenDigest;
import dev.whitelabel.domain.model.TokenSummary;
import dev.whitelabel.domain.model.User;
import dev.whitelabel.domain.port.out.AuditLog;
import dev.whitelabel.domain.port.out.PlatformStore;
import dev.whitelabel.domain.port.out.TokenEntry;
import dev.whitelabel.domain.port.out.TokenStore;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Creates a token for a user and records it in the audit trail; the caller owns the transaction. A
 * platform user's tokens are held to the platform's session cap first. A token holds the abilities
 * asked for, or the actor's own, and never more than the actor's own.
 */
final class TokenIssuer {

    /** Least recently used first; never used counts as used when issued, and ties go to the older. */
    private static final Comparator<TokenSummary> LEAST_RECENTLY_USED = Comparator.comparing(
                    (TokenSummary token) -> token.lastUsedAt().orElse(token.createdAt()))
            .thenComparingLong(TokenSummary::id);

    private final TokenStore tokens;
    private final AuditLog auditLog;
    private final PlatformStore platforms;
    private final Revocations revocations;
    private final TokenSecrets secrets = new TokenSecrets();

    TokenIssuer(TokenStore tokens, AuditLog auditLog, PlatformStore platforms, Revocations revocations) {
        this.tokens = tokens;
        this.auditLog = auditLog;
        this.platforms = platforms;
        this.revocations = revocations;
    }

    IssuedToken issue(Actor actor, User owner, NewToken request, Instant now) {
        return issue(actor, owner, request, OptionalLong.empty(), now);
    }

    /**
     * {@code spared} is the token making the request, which the cap never evicts: a user creating an
     * API key is not logged out by it.
     *
     * @throws InvalidInput the abilities asked for go beyond the actor's, the owner is disabled, or
     *     has as many tokens as the platform allows and none it may evict
     */
    IssuedToken issue(Actor actor, User owner, NewToken request, OptionalLong spared, Instant now) {
        Abilities abilities = request.abilities().orElse(actor.abilities());
        if (!actor.abilities().allowsAll(abilities)) {
            throw InvalidInput.of(Input.ABILITIES, Rule.NOT_HELD_BY_THE_ISSUER);
        }
        if (owner.isDisabled()) {
            throw InvalidInput.of(Input.USER, Rule.DISABLED);
        }
        if (owner.isPlatformUser()) {
            holdToTheCap(actor, owner, spared, now);
        }
        String secret = secrets.next();
        Optional<Instant> expiresAt = request.expiresIn().map(now::plus);
        long id = tokens.issue(new TokenEntry(
                owner.platformId(),
                owner.id(),
                request.name(),
                TokenDigest.of(secret),
                expiresAt,
                now,
                request.device(),
                abilities));
        auditLog.record(AuditEvent.ofTokens(now, actor, owner, AuditAction.TOKEN_CREATED, Optional.of(id), 1));
        return new IssuedToken(new PlainTextToken(id, secret), request.name(), abilities, now);
    }

    private void holdToTheCap(Actor actor, User owner, OptionalLong spared, Instant now) {
        var cap = platforms.sessionCap(owner.platformId()).orElse(SessionCap.NONE);
        if (cap.maxTokensPerUser().isEmpty()) {
            return;
        }
        List<TokenSummary> live = tokens.lockLive(owner.platformId(), owner.id(), now);
        int excess = cap.excessBeforeIssuing(live.size());
        if (excess == 0) {
            return;
        }
        List<TokenSummary> evictable = live.stream()
                .filter(token -> spared.isEmpty() || token.id() != spared.getAsLong())
                .sorted(LEAST_RECENTLY_USED)
                .toList();
        if (cap.policy() == SessionCap.Policy.REJECT || evictable.size() < excess) {
            throw InvalidInput.of(
                    Input.USER, Rule.AT_THE_SESSION_CAP, cap.maxTokensPerUser().getAsInt());
        }
        evictable
                .subList(0, excess)
                .forEach(evicted -> revocations.revokeOne(actor, owner, evicted.id(), AuditAction.TOKEN_EVICTED, now));
    }
}
