package dev.whitelabel.domain.model;

import java.time.Instant;
import java.util.Optional;

/** What an admin or the owner may see of a token: never its secret nor its digest. */
public record TokenSummary(
        long id,
        String name,
        Instant createdAt,
        Optional<Instant> lastUsedAt,
        Optional<Instant> expiresAt,
        Optional<Instant> revokedAt,
        Device device,
        Optional<String> lastUsedIp,
        Abilities abilities) {}
