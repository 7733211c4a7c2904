package dev.whitelabel.application;

import dev.whitelabel.domain.port.in.PruneTokensUseCase;
import dev.whitelabel.domain.port.out.TokenStore;
import java.time.Clock;
import java.time.Duration;

final class PruneTokens implements PruneTokensUseCase {

    private final TokenStore tokens;
    private final LoginThrottling throttling;
    private final Clock clock;

    PruneTokens(TokenStore tokens, LoginThrottling throttling, Clock clock) {
        this.tokens = tokens;
        this.throttling = throttling;
        this.clock = clock;
    }

    @Override
    public int prune(Duration retention) {
        if (retention.isNegative()) {
            throw new IllegalArgumentException("a retention period is not negative");
        }
        var now = clock.instant();
        throttling.prune(now, retention);
        return tokens.prune(now.minus(retention));
    }
}
