package dev.whitelabel.domain.port.in;

import dev.whitelabel.domain.model.ApiKey;
import dev.whitelabel.domain.model.AuthenticatedUser;
import dev.whitelabel.domain.model.Device;
import dev.whitelabel.domain.model.TokenSummary;
import java.util.List;

/** A user's own API keys, which are tokens: create, list the live ones, delete (revoke at once). */
public interface ManageApiKeysUseCase {
    ApiKey create(AuthenticatedUser caller, String name, Device device);

    default ApiKey create(AuthenticatedUser caller, String name) {
        return create(caller, name, Device.UNKNOWN);
    }

    List<TokenSummary> list(AuthenticatedUser caller);

    /** @throws dev.whitelabel.domain.error.ApiKeyNotFound not a live key of the caller's */
    void delete(AuthenticatedUser caller, long keyId);
}
