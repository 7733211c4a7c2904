package dev.whitelabel.domain.model;

import java.time.Instant;

/** A freshly created token: the only moment its plain text exists. */
public record IssuedToken(PlainTextToken token, String name, Instant createdAt) {

    public long tokenId() {
        return token.id();
    }
}
