package dev.whitelabel.application;

import dev.whitelabel.domain.port.in.PruneTokensUseCase;
import dev.whitelabel.domain.port.out.LoginFailures;
import dev.whitelabel.domain.port.out.TokenStore;
import java.time.Clock;
import java.time.Duration;

public final class PruneTokens implements PruneTokensUseCase {

    private final TokenStore tokens;
    private final LoginFailures loginFailures;
    private final Clock clock;

    PruneTokens(TokenStore tokens, LoginFailures loginFailures, Clock clock) {
        this.tokens = tokens;
        this.loginFailures = loginFailures;
        this.clock = clock;
    }

    @Override
    public int prune(Duration retention) {
        if (retention.isNegative()) {
            throw new IllegalArgumentException("a retention period is not negative");
        }
        var cutoff = clock.instant().minus(retention);
        // failed logins that old count toward no limit: the window is minutes, a retention days
        loginFailures.prune(cutoff);
        return tokens.prune(cutoff);
    }
}
