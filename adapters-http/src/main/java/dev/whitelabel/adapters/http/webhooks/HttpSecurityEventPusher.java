package dev.whitelabel.adapters.http.webhooks;

import dev.whitelabel.domain.model.StreamDelivery;
import dev.whitelabel.domain.port.out.SecurityEventPusher;
import java.util.LinkedHashMap;
import java.util.concurrent.CompletableFuture;

/**
 * Pushes security event tokens (RFC 8935) through a webhook sender: the same address checks, deadline,
 * and nothing of the answer kept but its status. 2xx (the RFC's 202) is accepted; 400 is the receiver
 * refusing the token itself, not retried; anything else is retried.
 */
public final class HttpSecurityEventPusher implements SecurityEventPusher {

    private final HttpWebhookSender sender;

    public HttpSecurityEventPusher(HttpWebhookSender sender) {
        this.sender = sender;
    }

    @Override
    public CompletableFuture<Outcome> push(StreamDelivery delivery, String token) {
        var headers = new LinkedHashMap<String, String>();
        headers.put("Content-Type", "application/secevent+jwt");
        headers.put("Accept", "application/json");
        delivery.authorization().ifPresent(authorization -> headers.put("Authorization", authorization));
        return sender.post(delivery.endpointUrl().orElseThrow(), headers, token).thenApply(sent -> {
            if (sent.delivered()) {
                return Outcome.ACCEPTED;
            }
            return sent.status()
                    .map(status -> Outcome.failed("answered " + status, status != 400))
                    .orElseGet(() -> Outcome.failed(sent.error().orElse("no answer"), true));
        });
    }
}
