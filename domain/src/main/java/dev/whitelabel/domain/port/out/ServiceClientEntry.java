package dev.whitelabel.domain.port.out;

import dev.whitelabel.domain.model.TokenDigest;
import java.time.Instant;

/** A service client as it is written to the store: only the digest of its secret. */
public record ServiceClientEntry(
        long platformId, String name, String clientId, TokenDigest secretDigest, Instant createdAt) {}
