package dev.whitelabel.domain.error;

public final class PlatformNotFound extends WhitelabelException {
    public PlatformNotFound() {
        super("Platform not found.");
    }

    @Override
    public <R> R mappedBy(ErrorMapper<R> mapper) {
        return mapper.of(this);
    }
}
