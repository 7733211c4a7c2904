package dev.whitelabel.domain.model;

/** A user and the token just created for them. */
public record SignedIn(User user, IssuedToken token) {}
