package dev.whitelabel.adapters.http.webhooks;

import dev.whitelabel.adapters.http.InputErrors;
import dev.whitelabel.domain.error.Input;
import dev.whitelabel.domain.error.Violation;
import dev.whitelabel.domain.error.Violation.Rule;
import dev.whitelabel.domain.model.WebhookPolicy;
import dev.whitelabel.domain.port.out.HostResolver;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.SocketAddressResolver;

/**
 * Where the sender's client may connect for a receiver's host: what the product's resolver answers,
 * and only if the policy allows every one of those addresses on that port. The check is made on the
 * very addresses connected to, as the connection is made: a name that answered a public address when
 * its endpoint was created and answers 127.0.0.1 now (DNS rebinding) gets no connection.
 */
final class TargetAddresses implements SocketAddressResolver {

    private final HostResolver resolver;
    private final WebhookPolicy policy;
    private final Executor executor;

    TargetAddresses(HostResolver resolver, WebhookPolicy policy, Executor executor) {
        this.resolver = resolver;
        this.policy = policy;
        this.executor = executor;
    }

    @Override
    public void resolve(String host, int port, Map<String, Object> context, Promise<List<InetSocketAddress>> promise) {
        // a lookup can take seconds: not on the thread that sends
        executor.execute(() -> {
            List<InetSocketAddress> allowed;
            try {
                allowed = allowed(host, port);
            } catch (IOException | RuntimeException e) {
                promise.failed(e);
                return;
            }
            promise.succeeded(allowed);
        });
    }

    private List<InetSocketAddress> allowed(String host, int port) throws IOException {
        List<InetAddress> addresses = resolver.addresses(host);
        if (addresses.isEmpty()) {
            throw new UnknownHostException(host);
        }
        Optional<Rule> refusal = policy.refusal(port, addresses);
        if (refusal.isPresent()) {
            // worded as the API words it when the endpoint is created, for the delivery's last_error
            throw new Refused(InputErrors.message(Violation.of(Input.URL, refusal.get())));
        }
        return addresses.stream()
                .map(address -> new InetSocketAddress(address, port))
                .toList();
    }

    /** A target the policy does not allow, in the policy's words. */
    static final class Refused extends IOException {
        Refused(String reason) {
            super(reason);
        }
    }
}
