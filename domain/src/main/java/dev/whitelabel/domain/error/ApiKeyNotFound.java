package dev.whitelabel.domain.error;

/** Not a live API key of the caller's. */
public final class ApiKeyNotFound extends WhitelabelException {
    public ApiKeyNotFound() {
        super("API key not found.");
    }

    @Override
    public <R> R mappedBy(ErrorMapper<R> mapper) {
        return mapper.of(this);
    }
}
