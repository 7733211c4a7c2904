package dev.whitelabel.application;

import dev.whitelabel.domain.model.AuthenticatedUser;
import dev.whitelabel.domain.model.PlainTextToken;
import dev.whitelabel.domain.model.TokenCredential;
import dev.whitelabel.domain.port.out.TokenStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether an unrevoked token as stored is the one presented (its digest, compared in constant time),
 * unexpired, and its owner not disabled. It writes {@code last_used_at} at most once a minute per token, so a check is a
 * read only.
 */
final class LiveTokens {

    static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    private final TokenStore tokens;
    private final Clock clock;

    LiveTokens(TokenStore tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    /** {@code clientIp} is kept with the last use, when it is known. */
    Optional<AuthenticatedUser> holder(
            Optional<TokenCredential> stored, PlainTextToken presented, Optional<String> clientIp) {
        Instant now = clock.instant();
        return stored.filter(token -> token.digest().matches(presented.digest()))
                .filter(token -> !token.isExpiredAt(now))
                // disabling revoked every token; this refuses one whose issue raced with it
                .filter(token -> !token.owner().isDisabled())
                .map(token -> {
                    markUsed(token, now, clientIp);
                    return new AuthenticatedUser(
                            token.owner(), token.tokenId(), token.createdAt(), token.expiresAt(), token.abilities());
                });
    }

    private void markUsed(TokenCredential token, Instant now, Optional<String> clientIp) {
        Instant usedSince = now.minus(LAST_USED_PRECISION);
        if (token.lastUsedAt().map(usedSince::isAfter).orElse(true)) {
            tokens.markUsed(token.tokenId(), now, usedSince, clientIp);
        }
    }
}
