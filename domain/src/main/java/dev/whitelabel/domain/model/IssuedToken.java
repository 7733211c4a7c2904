package dev.whitelabel.domain.model;

import java.time.Instant;

/** A freshly created token: the only moment its plain text exists. */
/** {@code abilities} are those it was given: the ones asked for, or the issuer's own. */
public record IssuedToken(PlainTextToken token, String name, Abilities abilities, Instant createdAt) {

    public long tokenId() {
        return token.id();
    }
}
