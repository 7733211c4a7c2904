package dev.whitelabel.domain.error;

/** The token is not one of that user's. */
public final class TokenNotFound extends WhitelabelException {
    public TokenNotFound() {
        super("Token not found.");
    }

    @Override
    public <R> R mappedBy(ErrorMapper<R> mapper) {
        return mapper.of(this);
    }
}
