package dev.whitelabel.domain.model;

import java.time.Instant;
import java.util.Optional;

/** What authentication needs of an unrevoked token: its digest, issue, expiry, last use, abilities and owner. */
public record TokenCredential(
        long tokenId,
        TokenDigest digest,
        Instant createdAt,
        Optional<Instant> expiresAt,
        Optional<Instant> lastUsedAt,
        Abilities abilities,
        User owner) {

    public boolean isExpiredAt(Instant now) {
        return expiresAt.isPresent() && !expiresAt.get().isAfter(now);
    }
}
