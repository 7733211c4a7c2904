package dev.whitelabel.domain.error;

/** Not a webhook endpoint of the actor's platform: deleted, another platform's, or never created. */
public final class WebhookNotFound extends WhitelabelException {
    public WebhookNotFound() {
        super("Webhook endpoint not found.");
    }

    @Override
    public <R> R mappedBy(ErrorMapper<R> mapper) {
        return mapper.of(this);
    }
}
