package dev.whitelabel.domain.port.in;

import dev.whitelabel.domain.model.Introspection;

/**
 * What a platform's resource servers may do with a token they were shown, once their id and secret
 * prove who they are: ask whether it is alive and whose it is (RFC 7662), or end it (RFC 7009).
 * Both see the client's own platform only.
 */
public interface ServiceClientDoorsUseCase {

    Introspection introspect(String clientId, String secret, String token);

    /**
     * Revokes the token when it is alive and of the client's platform, audited, and says nothing
     * about it either way: false only when the client did not prove who it is.
     */
    boolean revoke(String clientId, String secret, String token);
}
