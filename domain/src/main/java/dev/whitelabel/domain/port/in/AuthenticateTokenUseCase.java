package dev.whitelabel.domain.port.in;

import dev.whitelabel.domain.model.AuthenticatedUser;
import java.util.Optional;

/**
 * Tells who holds a presented token: empty when it is malformed, unknown, revoked or expired, or its
 * user is disabled. {@code clientIp}, when known, is kept as the token's last-used IP, under the same
 * once-a-minute rule as its last use.
 */
public interface AuthenticateTokenUseCase {
    Optional<AuthenticatedUser> authenticate(String presentedToken, Optional<String> clientIp);

    /**
     * The same, but a token of another platform is as unknown: it is not even marked used, so one
     * platform's gateway or service never writes to another platform's rows.
     */
    Optional<AuthenticatedUser> authenticateOnPlatform(
            String presentedToken, long platformId, Optional<String> clientIp);

    default Optional<AuthenticatedUser> authenticate(String presentedToken) {
        return authenticate(presentedToken, Optional.empty());
    }

    default Optional<AuthenticatedUser> authenticateOnPlatform(String presentedToken, long platformId) {
        return authenticateOnPlatform(presentedToken, platformId, Optional.empty());
    }
}
