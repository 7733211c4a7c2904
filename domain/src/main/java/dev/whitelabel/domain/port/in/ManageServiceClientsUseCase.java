package dev.whitelabel.domain.port.in;

import dev.whitelabel.domain.model.Actor;
import dev.whitelabel.domain.model.ServiceClient;
import dev.whitelabel.domain.model.ServiceClientCreated;
import java.util.List;

/** An admin's (or the operator's) service clients of their platform: create, list, delete. Audited. */
public interface ManageServiceClientsUseCase {
    ServiceClientCreated create(Actor actor, String name);

    List<ServiceClient> list(Actor actor);

    /** Refused at once, on every instance. @throws dev.whitelabel.domain.error.ServiceClientNotFound not the platform's */
    void delete(Actor actor, long serviceClientId);
}
