package dev.whitelabel.application;

import dev.whitelabel.domain.model.Actor;
import dev.whitelabel.domain.port.in.AuthenticateReceiverUseCase;
import java.util.Optional;

/** A receiver's service-client credentials, checked as introspection checks them, wrong secrets counted alike. */
final class AuthenticateReceiver implements AuthenticateReceiverUseCase {

    private final ServiceClientAuthentication clients;

    AuthenticateReceiver(ServiceClientAuthentication clients) {
        this.clients = clients;
    }

    @Override
    public Optional<Actor> authenticate(String clientId, String secret) {
        return clients.check(clientId, secret, "")
                .map(checked -> Actor.serviceClient(checked.check().client().client()));
    }
}
