package dev.whitelabel.domain.port.in;

/**
 * RFC 7009 revocation: a platform's resource server, once its client id and secret prove who it is,
 * ends a token it was shown, if the token is alive and of its own platform.
 */
public interface RevokeTokenUseCase {

    /**
     * Revokes the token when it is alive and of the client's platform, audited, and says nothing
     * about it either way: false only when the client did not prove who it is.
     */
    boolean revoke(String clientId, String secret, String token);
}
