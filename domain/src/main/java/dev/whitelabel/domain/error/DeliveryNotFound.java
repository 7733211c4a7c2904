package dev.whitelabel.domain.error;

/** Not a delivery of that endpoint of the actor's platform. */
public final class DeliveryNotFound extends WhitelabelException {
    public DeliveryNotFound() {
        super("Webhook delivery not found.");
    }

    @Override
    public <R> R mappedBy(ErrorMapper<R> mapper) {
        return mapper.of(this);
    }
}
