package dev.whitelabel.domain.port.in;

import dev.whitelabel.domain.model.AuthenticatedUser;
import dev.whitelabel.domain.model.TokenSummary;
import java.util.List;

/**
 * A user's own live tokens, every one: a token is an API key, as a Sanctum personal access token is,
 * whether the user created it as one, logged in, or an admin created it.
 */
public interface ListApiKeysUseCase {
    List<TokenSummary> list(AuthenticatedUser caller);
}
