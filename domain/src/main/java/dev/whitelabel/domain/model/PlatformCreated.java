package dev.whitelabel.domain.model;

/** A new platform, its admin, and the admin's first token. */
public record PlatformCreated(Platform platform, User admin, IssuedToken adminToken) {}
