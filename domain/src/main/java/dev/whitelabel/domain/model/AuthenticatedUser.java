package dev.whitelabel.domain.model;

import java.time.Instant;
import java.util.Optional;

/** Who made a request, with which token, issued when, ending when (if ever), and allowed to do what. */
public record AuthenticatedUser(
        User user, long tokenId, Instant issuedAt, Optional<Instant> expiresAt, Abilities abilities) {}
