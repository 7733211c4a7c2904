package dev.whitelabel.domain.model;

import java.time.Instant;
import java.util.Optional;

/** What authentication needs of an unrevoked token: its digest, its expiry and its owner. */
public record TokenCredential(long tokenId, TokenDigest digest, Optional<Instant> expiresAt, User owner) {

    public boolean isExpiredAt(Instant now) {
        return expiresAt.isPresent() && !expiresAt.get().isAfter(now);
    }
}
