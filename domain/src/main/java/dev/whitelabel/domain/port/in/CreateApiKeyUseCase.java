package dev.whitelabel.domain.port.in;

import dev.whitelabel.domain.model.ApiKey;
import dev.whitelabel.domain.model.AuthenticatedUser;
import dev.whitelabel.domain.model.Device;

/**
 * A user creates an API key of their own: a token, shown this once.
 */
public interface CreateApiKeyUseCase {
    ApiKey create(AuthenticatedUser caller, String name, Device device);

    default ApiKey create(AuthenticatedUser caller, String name) {
        return create(caller, name, Device.UNKNOWN);
    }
}
