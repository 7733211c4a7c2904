package dev.whitelabel.application;

import dev.whitelabel.domain.model.AuthenticatedUser;
import dev.whitelabel.domain.model.PlainTextToken;
import dev.whitelabel.domain.model.TokenCredential;
import dev.whitelabel.domain.port.in.AuthenticateTokenUseCase;
import dev.whitelabel.domain.port.out.TokenStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.LongPredicate;

/**
 * The hot path: one indexed lookup by token id, then a constant-time digest comparison. It writes
 * {@code last_used_at} at most once a minute per token, so an ordinary request is a read only.
 */
public final class AuthenticateToken implements AuthenticateTokenUseCase {

    static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    private final TokenStore tokens;
    private final Clock clock;

    public AuthenticateToken(TokenStore tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    @Override
    public Optional<AuthenticatedUser> authenticate(String presentedToken) {
        return authenticate(presentedToken, platformId -> true);
    }

    @Override
    public Optional<AuthenticatedUser> authenticateOnPlatform(String presentedToken, long platformId) {
        return authenticate(presentedToken, owners -> owners == platformId);
    }

    private Optional<AuthenticatedUser> authenticate(String presentedToken, LongPredicate ownersPlatform) {
        Optional<PlainTextToken> presented = PlainTextToken.parse(presentedToken);
        if (presented.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        return tokens.findUnrevoked(presented.get().id())
                .filter(stored -> stored.digest().matches(presented.get().digest()))
                .filter(stored -> !stored.isExpiredAt(now))
                .filter(stored -> ownersPlatform.test(stored.owner().platformId()))
                .map(stored -> {
                    markUsed(stored, now);
                    return new AuthenticatedUser(stored.owner(), stored.tokenId(), stored.createdAt(), stored.expiresAt());
                });
    }

    private void markUsed(TokenCredential token, Instant now) {
        Instant usedSince = now.minus(LAST_USED_PRECISION);
        if (token.lastUsedAt().map(usedSince::isAfter).orElse(true)) {
            tokens.markUsed(token.tokenId(), now, usedSince);
        }
    }
}
