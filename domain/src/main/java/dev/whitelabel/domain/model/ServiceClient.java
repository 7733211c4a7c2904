package dev.whitelabel.domain.model;

import java.time.Instant;

/**
 * A resource server of one platform (an API behind the gateway, say): it may introspect and revoke
 * that platform's tokens and nothing else. It is not a token and opens no /api/ route.
 */
public record ServiceClient(long id, long platformId, String name, String clientId, Instant createdAt) {}
