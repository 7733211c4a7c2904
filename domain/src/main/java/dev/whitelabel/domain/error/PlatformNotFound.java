package dev.whitelabel.domain.error;

public final class PlatformNotFound extends WhitelabelException {
    public PlatformNotFound() {
        super("Platform not found.");
    }

    @Override
    public <R> R answeredBy(Refusals<R> refusals) {
        return refusals.of(this);
    }
}
