package dev.whitelabel.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.whitelabel.domain.error.Violation.Rule;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookPolicyTest {

    final WebhookPolicy publicOnly = WebhookPolicy.publicTargetsOnly();
    final WebhookPolicy privateAllowed = new WebhookPolicy(true);

    static List<InetAddress> addresses(String... literals) throws UnknownHostException {
        var addresses = new InetAddress[literals.length];
        for (int i = 0; i < literals.length; i++) {
            addresses[i] = InetAddress.getByName(literals[i]);
        }
        return List.of(addresses);
    }

    @ParameterizedTest
    @ValueSource(ints = {80, 443, 1024, 8080, 65535})
    void http_https_and_ports_from_1024_are_allowed(int port) throws UnknownHostException {
        assertThat(publicOnly.refusal(port, addresses("8.8.8.8"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 22, 25, 79, 81, 442, 444, 1023})
    void other_ports_below_1024_are_refused(int port) throws UnknownHostException {
        assertThat(publicOnly.refusal(port, addresses("8.8.8.8"))).contains(Rule.PORT_NOT_ALLOWED);
    }

    @Test
    void one_special_address_among_public_ones_refuses_the_host() throws UnknownHostException {
        assertThat(publicOnly.refusal(443, addresses("8.8.8.8", "2606:4700::1111")))
                .isEmpty();
        assertThat(publicOnly.refusal(443, addresses("8.8.8.8", "127.0.0.1"))).contains(Rule.NOT_PUBLIC);
    }

    @Test
    void allowing_private_targets_lifts_the_address_and_the_port_rules() throws UnknownHostException {
        assertThat(privateAllowed.refusal(22, addresses("127.0.0.1", "10.0.0.1")))
                .isEmpty();
    }
}
