package dev.whitelabel.application;

import dev.whitelabel.domain.error.TooManyLoginAttempts;
import dev.whitelabel.domain.model.AuthenticatedUser;
import dev.whitelabel.domain.model.PlainTextToken;
import dev.whitelabel.domain.model.ServiceClientCheck;
import dev.whitelabel.domain.model.TokenDigest;
import dev.whitelabel.domain.port.out.ServiceClientStore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;

/**
 * A service client and the token it shows, read in one lookup, uncached (so a revoked token or a
 * deleted client is refused on the very next call, on every instance), the token confined to the
 * client's platform: what introspection and revocation both start with.
 */
final class ServiceClientAuthentication {

    /** No token has this id: a malformed token still costs the client's check, and says nothing more. */
    private static final long NO_TOKEN = -1;

    private final ServiceClientStore clients;
    private final LiveTokens liveTokens;
    private final LoginThrottling throttling;
    private final Clock clock;

    ServiceClientAuthentication(
            ServiceClientStore clients, LiveTokens liveTokens, LoginThrottling throttling, Clock clock) {
        this.clients = clients;
        this.liveTokens = liveTokens;
        this.throttling = throttling;
        this.clock = clock;
    }

    /** A client that proved who it is, and the holder of the token it shows when that token is alive. */
    record Checked(ServiceClientCheck check, Optional<AuthenticatedUser> holder) {}

    /**
     * Empty when the secret is not the client's (compared in constant time); a wrong one is counted.
     *
     * @throws TooManyLoginAttempts a wrong secret, once the client id's wrong secrets reached the limit
     */
    Optional<Checked> check(String clientId, String secret, String token) {
        Optional<PlainTextToken> presented = PlainTextToken.parse(token);
        long tokenId = presented.map(PlainTextToken::id).orElse(NO_TOKEN);
        Optional<ServiceClientCheck> check =
                StandardCharsets.US_ASCII.newEncoder().canEncode(secret)
                        ? clients.findWithToken(clientId, tokenId)
                                .filter(found -> found.client().secretDigest().matches(TokenDigest.of(secret)))
                        : Optional.empty();
        if (check.isEmpty()) {
            throttling.clientFailed(clientId, clock.instant());
        }
        return check.map(found -> new Checked(
                found, presented.flatMap(parsed -> liveTokens.holder(found.token(), parsed, Optional.empty()))));
    }
}
