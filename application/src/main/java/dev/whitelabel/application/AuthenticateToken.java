package dev.whitelabel.application;

import dev.whitelabel.domain.model.AuthenticatedUser;
import dev.whitelabel.domain.model.PlainTextToken;
import dev.whitelabel.domain.port.in.AuthenticateTokenUseCase;
import dev.whitelabel.domain.port.out.TokenStore;
import java.time.Clock;
import java.util.Optional;

/** The hot path: one indexed lookup by token id, then a constant-time digest comparison. */
public final class AuthenticateToken implements AuthenticateTokenUseCase {

    private final TokenStore tokens;
    private final Clock clock;

    public AuthenticateToken(TokenStore tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    @Override
    public Optional<AuthenticatedUser> authenticate(String presentedToken) {
        return PlainTextToken.parse(presentedToken).flatMap(presented -> tokens.findUnrevoked(presented.id())
                .filter(stored -> stored.digest().matches(presented.digest()))
                .filter(stored -> !stored.isExpiredAt(clock.instant()))
                .map(stored -> new AuthenticatedUser(stored.owner(), stored.tokenId())));
    }
}
