package dev.whitelabel.domain.port.in;

import dev.whitelabel.domain.model.Actor;
import dev.whitelabel.domain.model.ServiceClient;
import java.util.List;

/**
 * The service clients of the actor's platform.
 */
public interface ListServiceClientsUseCase {
    List<ServiceClient> list(Actor actor);
}
