package dev.whitelabel.domain.model;

/** A token a user created for themselves, with its plain text: shown once, at creation. */
public record ApiKey(TokenSummary key, PlainTextToken token) {}
