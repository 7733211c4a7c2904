package dev.whitelabel.application;

import dev.whitelabel.domain.error.Input;
import dev.whitelabel.domain.error.InvalidInput;
import dev.whitelabel.domain.error.Violation.Rule;
import dev.whitelabel.domain.model.Text;
import dev.whitelabel.domain.model.WebhookPolicy;
import dev.whitelabel.domain.port.out.HostResolver;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which URLs may receive webhooks: http or https to a port and a host the {@link WebhookPolicy}
 * allows on every address the host resolves to. Checked when an endpoint is created; what a name
 * resolves to can change after, so the sender checks again, by the same policy, the very addresses
 * it connects to.
 */
final class WebhookTargets {

    static final int MAX_URL_LENGTH = 2048;

    private final WebhookPolicy policy;
    private final HostResolver resolver;

    WebhookTargets(WebhookPolicy policy, HostResolver resolver) {
        this.policy = policy;
        this.resolver = resolver;
    }

    /** The URL, trimmed, or the 422 that says what is wrong with it. */
    String require(String url) {
        return require(Input.URL, url);
    }

    /** The same, for a target given as {@code input}. */
    String require(Input input, String url) {
        String trimmed = url == null ? "" : url.strip();
        if (trimmed.isEmpty()) {
            throw InvalidInput.of(input, Rule.REQUIRED);
        }
        Text.requireStorable(input, trimmed);
        if (trimmed.length() > MAX_URL_LENGTH) {
            throw InvalidInput.of(input, Rule.MORE_CHARACTERS_THAN, MAX_URL_LENGTH);
        }
        Optional<URI> uri = parse(trimmed);
        if (uri.isEmpty()) {
            throw InvalidInput.of(input, Rule.NOT_AN_HTTP_URL);
        }
        refusal(uri.get()).ifPresent(rule -> {
            throw InvalidInput.of(input, rule);
        });
        return trimmed;
    }

    private Optional<Rule> refusal(URI uri) {
        List<InetAddress> addresses;
        try {
            addresses = resolver.addresses(uri.getHost());
        } catch (UnknownHostException e) {
            return Optional.of(Rule.HOST_DOES_NOT_RESOLVE);
        }
        return policy.refusal(port(uri), addresses);
    }

    /** The port the URL names, or its scheme's. */
    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
    }

    private static Optional<URI> parse(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean web = scheme.equals("http") || scheme.equals("https");
            return web && uri.getHost() != null && uri.getRawUserInfo() == null && uri.getRawFragment() == null
                    ? Optional.of(uri)
                    : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
