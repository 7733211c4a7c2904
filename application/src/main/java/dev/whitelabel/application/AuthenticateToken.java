package dev.whitelabel.application;

import dev.whitelabel.domain.model.AuthenticatedUser;
import dev.whitelabel.domain.model.PlainTextToken;
import dev.whitelabel.domain.port.in.AuthenticateTokenUseCase;
import dev.whitelabel.domain.port.out.TokenStore;
import java.util.Optional;
import java.util.function.LongPredicate;

/** The hot path: one indexed lookup by token id, then {@link LiveTokens}. */
final class AuthenticateToken implements AuthenticateTokenUseCase {

    private final TokenStore tokens;
    private final LiveTokens liveTokens;

    AuthenticateToken(TokenStore tokens, LiveTokens liveTokens) {
        this.tokens = tokens;
        this.liveTokens = liveTokens;
    }

    @Override
    public Optional<AuthenticatedUser> authenticate(String presentedToken, Optional<String> clientIp) {
        return authenticate(presentedToken, platformId -> true, clientIp);
    }

    @Override
    public Optional<AuthenticatedUser> authenticateOnPlatform(
            String presentedToken, long platformId, Optional<String> clientIp) {
        return authenticate(presentedToken, owners -> owners == platformId, clientIp);
    }

    private Optional<AuthenticatedUser> authenticate(
            String presentedToken, LongPredicate ownersPlatform, Optional<String> clientIp) {
        return PlainTextToken.parse(presentedToken)
                .flatMap(presented -> liveTokens.holder(
                        tokens.findUnrevoked(presented.id())
                                .filter(stored ->
                                        ownersPlatform.test(stored.owner().platformId())),
                        presented,
                        clientIp));
    }
}
