package dev.whitelabel.domain.port.in;

import dev.whitelabel.domain.model.AuthenticatedUser;

/**
 * A user deletes an API key of their own: revoked at once.
 */
public interface DeleteApiKeyUseCase {
    /** @throws dev.whitelabel.domain.error.ApiKeyNotFound not a live key of the caller's */
    void delete(AuthenticatedUser caller, long keyId);
}
