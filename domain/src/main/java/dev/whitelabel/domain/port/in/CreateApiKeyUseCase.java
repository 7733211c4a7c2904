package dev.whitelabel.domain.port.in;

import dev.whitelabel.domain.model.Abilities;
import dev.whitelabel.domain.model.ApiKey;
import dev.whitelabel.domain.model.AuthenticatedUser;
import dev.whitelabel.domain.model.Device;
import java.util.Optional;

/**
 * A user creates an API key of their own: a token, shown this once. It holds the abilities asked for,
 * or, none asked for, those of the caller's token; never one the caller's token lacks.
 *
 * @throws dev.whitelabel.domain.error.InvalidInput an ability the caller's token lacks, among others
 */
public interface CreateApiKeyUseCase {
    ApiKey create(AuthenticatedUser caller, String name, Device device, Optional<Abilities> abilities);

    default ApiKey create(AuthenticatedUser caller, String name) {
        return create(caller, name, Device.UNKNOWN, Optional.empty());
    }
}
