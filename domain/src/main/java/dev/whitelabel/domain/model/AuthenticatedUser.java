package dev.whitelabel.domain.model;

/** Who made a request, and with which token. */
public record AuthenticatedUser(User user, long tokenId) {}
