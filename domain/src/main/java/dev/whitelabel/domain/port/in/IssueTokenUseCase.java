package dev.whitelabel.domain.port.in;

import dev.whitelabel.domain.model.IssuedToken;

/**
 * Creates an API token for a user, by the user's global id (the operator's command line).
 *
 * @throws dev.whitelabel.domain.error.UserNotFound no such user
 */
public interface IssueTokenUseCase {
    IssuedToken issue(long userId, String tokenName);
}
