package dev.whitelabel.domain.port.out;

import dev.whitelabel.domain.model.Abilities;
import dev.whitelabel.domain.model.Device;
import dev.whitelabel.domain.model.TokenDigest;
import java.time.Instant;
import java.util.Optional;

/** A token as it is written to the store: only the digest of its secret, the device it was issued to, its abilities. */
public record TokenEntry(
        long platformId,
        long userId,
        String name,
        TokenDigest digest,
        Optional<Instant> expiresAt,
        Instant createdAt,
        Device device,
        Abilities abilities) {}
