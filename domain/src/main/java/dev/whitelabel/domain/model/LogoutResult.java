package dev.whitelabel.domain.model;

/** How many live tokens a logout revoked: 0 when they were all revoked already. */
public record LogoutResult(int revokedTokens) {}
