package dev.whitelabel.domain.model;

import java.time.Instant;

/** A white-label tenant: its users, tokens and audit trail are invisible to every other platform. */
public record Platform(long id, String name, Instant createdAt) {}
