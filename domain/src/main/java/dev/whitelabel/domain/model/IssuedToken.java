package dev.whitelabel.domain.model;

/** A freshly created token: the only moment its plain text exists. */
public record IssuedToken(PlainTextToken token, String name) {

    public long tokenId() {
        return token.id();
    }
}
