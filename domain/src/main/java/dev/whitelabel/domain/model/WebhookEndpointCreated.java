package dev.whitelabel.domain.model;

/** A new endpoint with its signing secret ({@code whsec_} and base64), shown this once. */
public record WebhookEndpointCreated(WebhookEndpoint endpoint, String secret) {

    @Override
    public String toString() {
        return "WebhookEndpointCreated[endpoint=" + endpoint + ", secret=<hidden>]";
    }
}
