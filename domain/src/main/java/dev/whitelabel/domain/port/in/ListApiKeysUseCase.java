package dev.whitelabel.domain.port.in;

import dev.whitelabel.domain.model.AuthenticatedUser;
import dev.whitelabel.domain.model.TokenSummary;
import java.util.List;

/**
 * A user's own live API keys.
 */
public interface ListApiKeysUseCase {
    List<TokenSummary> list(AuthenticatedUser caller);
}
