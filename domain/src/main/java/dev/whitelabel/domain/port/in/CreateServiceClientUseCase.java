package dev.whitelabel.domain.port.in;

import dev.whitelabel.domain.model.Actor;
import dev.whitelabel.domain.model.ServiceClientCreated;

/**
 * An admin (or the operator) creates a service client of their platform: its secret is shown this once. Audited.
 */
public interface CreateServiceClientUseCase {
    ServiceClientCreated create(Actor actor, String name);
}
