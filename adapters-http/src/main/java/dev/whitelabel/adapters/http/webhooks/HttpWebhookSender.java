package dev.whitelabel.adapters.http.webhooks;

import dev.whitelabel.domain.model.WebhookPolicy;
import dev.whitelabel.domain.port.out.DueDelivery;
import dev.whitelabel.domain.port.out.HostResolver;
import dev.whitelabel.domain.port.out.WebhookSender;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.Result;
import org.eclipse.jetty.client.StringRequestContent;
import org.eclipse.jetty.http.HttpCookieStore;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.util.component.LifeCycle;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * Sends webhooks with Jetty's HTTP client, which connects to the addresses {@link TargetAddresses}
 * checked while keeping the URL's name for the Host header and TLS (SNI and the certificate's
 * name); the JDK's client resolves names itself, after any check. No redirects (a receiver could
 * otherwise send the request anywhere), no cookies, one deadline for the whole exchange (connect,
 * send, the answer's headers and the part of its body read), and nothing of the answer kept but its
 * status. Close it once nothing is sent any more.
 */
public final class HttpWebhookSender implements WebhookSender, AutoCloseable {

    /**
     * The most of an answer's body read, then thrown away: a short body leaves the connection fit for
     * the next send; a long or endless one is cut off rather than read for the whole timeout.
     */
    static final int ANSWER_BYTES_READ = 4096;
    /** The name of the sender's threads, its scheduler's among them. */
    static final String THREADS = "webhook-sender";

    private final HttpClient client = new HttpClient();
    private final Duration deadline;
    private final Clock clock;

    public HttpWebhookSender(WebhookPolicy policy, HostResolver resolver, Duration deadline, Clock clock) {
        this.deadline = deadline;
        this.clock = clock;
        var threads = new QueuedThreadPool();
        threads.setName(THREADS);
        threads.setDaemon(true);
        client.setName(THREADS);
        client.setExecutor(threads);
        client.setSocketAddressResolver(new TargetAddresses(resolver, policy, threads));
        client.setFollowRedirects(false);
        client.setHttpCookieStore(new HttpCookieStore.Empty());
        client.setUserAgentField(new HttpField(HttpHeader.USER_AGENT, "whitelabel-webhooks"));
        client.setConnectTimeout(deadline.toMillis());
        LifeCycle.start(client);
    }

    @Override
    public CompletableFuture<Outcome> send(DueDelivery delivery) {
        var message = StandardWebhookMessage.of(delivery.secret(), delivery.event(), clock.instant());
        return post(delivery.url(), message.headers(), message.body());
    }

    CompletableFuture<Outcome> post(String url, Map<String, String> headers, String body) {
        var exchange = new Exchange();
        try {
            client.newRequest(url)
                    .method(HttpMethod.POST)
                    .timeout(deadline.toMillis(), TimeUnit.MILLISECONDS)
                    .headers(fields -> headers.forEach(fields::put))
                    .body(new StringRequestContent(body))
                    .onRequestBegin(request -> exchange.connected = true)
                    .send(exchange);
        } catch (RuntimeException e) {
            // a URL the client cannot take: an outcome all the same
            exchange.outcome.complete(Outcome.failed("not sent"));
        }
        return exchange.outcome;
    }

    @Override
    public void close() {
        LifeCycle.stop(client);
    }

    /** One send: whether it got a connection, how much of the answer it read, and its outcome. */
    private final class Exchange implements Response.Listener {
        final CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        volatile boolean connected;
        private long read;

        @Override
        public void onContent(Response response, ByteBuffer content) {
            read += content.remaining();
            if (read > ANSWER_BYTES_READ) {
                response.abort(new AnswerCutOff());
            }
        }

        @Override
        public void onComplete(Result result) {
            Throwable failure = result.getFailure();
            outcome.complete(
                    failure == null || failure instanceof AnswerCutOff
                            ? new Outcome(Optional.of(result.getResponse().getStatus()), Optional.empty())
                            : why(result, connected));
        }
    }

    /**
     * In words, never a class name nor the receiver's own message. A connection refused, a host
     * unreachable, a name that does not resolve and a connection not made in time all read the same,
     * so that the deliveries listing cannot tell a closed port from a filtered one. Both sides of the
     * exchange are read: a handshake that failed can reach the request as the failure and the answer
     * only as the connection closed after it, or the other way round.
     */
    private Outcome why(Result result, boolean connected) {
        for (Throwable failure : new Throwable[] {result.getRequestFailure(), result.getResponseFailure()}) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                if (cause instanceof TargetAddresses.Refused refused) {
                    return Outcome.failed("target refused: " + refused.getMessage());
                }
                if (cause instanceof SSLException) {
                    return Outcome.failed("TLS failed");
                }
            }
        }
        Throwable failure = result.getFailure();
        if (!connected) {
            return Outcome.failed("could not connect");
        }
        return Outcome.failed(
                failure instanceof TimeoutException ? "timed out after " + deadline.toMillis() + " ms" : "no answer");
    }

    /** Ends reading an answer past {@link #ANSWER_BYTES_READ}: its status stands. */
    private static final class AnswerCutOff extends Exception {
        AnswerCutOff() {
            super(null, null, false, false);
        }
    }
}
