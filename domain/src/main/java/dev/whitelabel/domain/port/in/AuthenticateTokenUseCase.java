package dev.whitelabel.domain.port.in;

import dev.whitelabel.domain.model.AuthenticatedUser;
import java.util.Optional;

/** Tells who holds a presented token: empty when it is malformed, unknown, revoked or expired. */
public interface AuthenticateTokenUseCase {
    Optional<AuthenticatedUser> authenticate(String presentedToken);
}
