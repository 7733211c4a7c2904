package dev.whitelabel.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;

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

    @Test
    void one_special_address_among_public_ones_refuses_the_host() throws UnknownHostException {
        assertThat(publicOnly.refusal(addresses("8.8.8.8", "2606:4700::1111"))).isEmpty();
        assertThat(publicOnly.refusal(addresses("8.8.8.8", "127.0.0.1"))).contains(WebhookPolicy.NOT_PUBLIC);
    }

    @Test
    void allowing_private_targets_lifts_the_address_rule() throws UnknownHostException {
        assertThat(privateAllowed.refusal(addresses("127.0.0.1", "10.0.0.1"))).isEmpty();
    }
}
