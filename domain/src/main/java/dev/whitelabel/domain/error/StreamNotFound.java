package dev.whitelabel.domain.error;

/** Not a stream of the caller's platform: deleted, another platform's, or never created. */
public final class StreamNotFound extends WhitelabelException {
    public StreamNotFound() {
        super("Stream not found.");
    }

    @Override
    public <R> R mappedBy(ErrorMapper<R> mapper) {
        return mapper.of(this);
    }
}
