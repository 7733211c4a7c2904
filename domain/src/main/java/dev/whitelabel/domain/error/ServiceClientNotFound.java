package dev.whitelabel.domain.error;

/** Not a service client of the actor's platform: deleted, another platform's, or never created. */
public final class ServiceClientNotFound extends WhitelabelException {
    public ServiceClientNotFound() {
        super("Service client not found.");
    }

    @Override
    public <R> R mappedBy(ErrorMapper<R> mapper) {
        return mapper.of(this);
    }
}
