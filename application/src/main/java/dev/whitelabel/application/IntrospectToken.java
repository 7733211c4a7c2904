package dev.whitelabel.application;

import dev.whitelabel.domain.model.Introspection;
import dev.whitelabel.domain.port.in.IntrospectTokenUseCase;

final class IntrospectToken implements IntrospectTokenUseCase {

    private final ServiceClientAuthentication clients;

    IntrospectToken(ServiceClientAuthentication clients) {
        this.clients = clients;
    }

    @Override
    public Introspection introspect(String clientId, String secret, String token) {
        return clients.check(clientId, secret, token)
                .map(checked -> checked.holder()
                        .<Introspection>map(Introspection.Active::new)
                        .orElseGet(Introspection.Inactive::new))
                .orElseGet(Introspection.InvalidClient::new);
    }
}
