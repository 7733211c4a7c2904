package dev.whitelabel.domain.port.in;

import dev.whitelabel.domain.model.Introspection;

/**
 * RFC 7662 introspection: a platform's resource server, once its client id and secret prove who it is,
 * asks whether a token it was shown is alive and whose it is. It sees its own platform's tokens only.
 */
public interface IntrospectTokenUseCase {

    Introspection introspect(String clientId, String secret, String token);
}
