package dev.whitelabel.application;

import dev.whitelabel.domain.port.in.PruneTokensUseCase;
import dev.whitelabel.domain.port.out.TokenStore;
import java.time.Clock;
import java.time.Duration;

public final class PruneTokens implements PruneTokensUseCase {

    private final TokenStore tokens;
    private final Clock clock;

    PruneTokens(TokenStore tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    @Override
    public int prune(Duration retention) {
        if (retention.isNegative()) {
            throw new IllegalArgumentException("a retention period is not negative");
        }
        return tokens.prune(clock.instant().minus(retention));
    }
}
