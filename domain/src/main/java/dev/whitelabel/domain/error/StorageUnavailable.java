package dev.whitelabel.domain.error;

/** The database does not answer: nothing can be checked, so nothing is let through. */
public final class StorageUnavailable extends WhitelabelException {
    public StorageUnavailable() {
        super("Service unavailable.");
    }

    @Override
    public <R> R mappedBy(ErrorMapper<R> mapper) {
        return mapper.of(this);
    }
}
