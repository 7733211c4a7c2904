package dev.whitelabel.domain.port.in;

import dev.whitelabel.domain.model.AuthenticatedUser;
import dev.whitelabel.domain.model.ServiceClient;
import java.util.Optional;

/**
 * What a platform's resource servers may do with a token they were shown, once they have proved
 * who they are: ask whether it is alive and whose it is (RFC 7662), or end it (RFC 7009). Both see
 * the client's own platform only.
 */
public interface ServiceClientDoorsUseCase {

    /** The client whose id and secret these are; empty for anything else, deleted clients included. */
    Optional<ServiceClient> authenticate(String clientId, String secret);

    /** Whose the token is while it is alive and of the client's platform; empty otherwise, whatever the reason. */
    Optional<AuthenticatedUser> introspect(ServiceClient client, String token);

    /** Revokes the token when it is alive and of the client's platform, audited; says nothing either way. */
    void revoke(ServiceClient client, String token);
}
