package dev.whitelabel.domain.model;

import java.util.Optional;

/**
 * A service client's credential, with the token it asks about when that token is unrevoked and of
 * the client's own platform: what introspection reads, in one lookup.
 */
public record ServiceClientCheck(ServiceClientCredential client, Optional<TokenCredential> token) {}
