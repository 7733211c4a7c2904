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

/**
 * Sends webhooks with the JDK's HTTP client: a short timeout, no redirects (a receiver could
 * otherwise send the request anywhere, past the target check), and nothing of the answer kept but
 * its status.
 */
public final class HttpWebhookSender implements WebhookSender {

    public static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    @Override
    public Outcome send(String url, Map<String, String> headers, String body) {
        var request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).POST(HttpRequest.BodyPublishers.ofString(body));
        request.header("User-Agent", "whitelabel-webhooks");
        headers.forEach(request::header);
        try {
            int status = client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            return new Outcome(Optional.of(status), Optional.empty());
        } catch (HttpTimeoutException e) {
            return new Outcome(Optional.empty(), Optional.of("timed out after " + TIMEOUT.toSeconds() + " s"));
        } catch (IOException e) {
            // the class only: a message may quote the receiver
            return new Outcome(Optional.empty(), Optional.of("no answer: " + e.getClass().getSimpleName()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(Optional.empty(), Optional.of("interrupted"));
        }
    }
}
