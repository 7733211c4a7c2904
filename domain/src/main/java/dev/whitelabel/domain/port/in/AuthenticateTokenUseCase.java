package dev.whitelabel.domain.port.in;

import dev.whitelabel.domain.model.AuthenticatedUser;
import java.util.Optional;

/** Tells who holds a presented token: empty when it is malformed, unknown, revoked or expired. */
public interface AuthenticateTokenUseCase {
    Optional<AuthenticatedUser> authenticate(String presentedToken);

    /**
     * The same, but a token of another platform is as unknown: it is not even marked used, so one
     * platform's gateway or service never writes to another platform's rows.
     */
    Optional<AuthenticatedUser> authenticateOnPlatform(String presentedToken, long platformId);
}
