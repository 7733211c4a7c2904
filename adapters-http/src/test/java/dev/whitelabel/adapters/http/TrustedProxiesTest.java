package dev.whitelabel.adapters.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpRequest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** X-Forwarded-For names the client only when the peer is a proxy the operator trusts. */
class TrustedProxiesTest {

    @RegisterExtension
    final RunningApi behindProxy = new RunningApi(
            RunningApi.SETTINGS.withTrustedProxies(TrustedProxies.parse("127.0.0.1, 10.0.0.0/8")),
            RunningApi.Store.MEMORY);

    final TrustedProxies proxies = TrustedProxies.parse("10.0.0.0/8, 192.0.2.1, 2001:db8::/32");

    @Test
    void by_default_the_peer_is_the_client_whatever_the_header_says() {
        assertThat(TrustedProxies.NONE.client("198.51.100.7", List.of("203.0.113.9")))
                .contains("198.51.100.7");
    }

    @Test
    void the_client_is_the_rightmost_address_that_is_not_a_trusted_proxy() {
        assertThat(proxies.client("10.1.2.3", List.of("203.0.113.9, 192.0.2.1")))
                .contains("203.0.113.9");
        assertThat(proxies.client("10.1.2.3", List.of("198.51.100.1", "203.0.113.9, 10.9.9.9")))
                .contains("203.0.113.9");
        assertThat(proxies.client("2001:db8::1", List.of("2001:db9::5"))).contains("2001:db9:0:0:0:0:0:5");
        // a spoofed address left of a real client is not believed
        assertThat(proxies.client("10.1.2.3", List.of("6.6.6.6, 203.0.113.9"))).contains("203.0.113.9");
    }

    @Test
    void an_untrusted_peer_or_a_malformed_hop_ends_the_walk() {
        assertThat(proxies.client("198.51.100.7", List.of("203.0.113.9"))).contains("198.51.100.7");
        assertThat(proxies.client("10.1.2.3", List.of("evil.example, 10.2.2.2")))
                .contains("10.2.2.2");
        assertThat(proxies.client("10.1.2.3", List.of())).contains("10.1.2.3");
        assertThat(proxies.client("10.1.2.3", List.of("unknown"))).contains("10.1.2.3");
    }

    @Test
    void jettys_bracketed_ipv6_peer_and_addresses_with_ports_are_read() {
        assertThat(TrustedProxies.NONE.client("[0:0:0:0:0:0:0:1]", List.of())).contains("0:0:0:0:0:0:0:1");
        var loopback = TrustedProxies.parse("::1");
        assertThat(loopback.client("[0:0:0:0:0:0:0:1]", List.of("203.0.113.9:51234")))
                .contains("203.0.113.9");
        assertThat(loopback.client("[::1]", List.of("[2001:db8::7]:443"))).contains("2001:db8:0:0:0:0:0:7");
    }

    @Test
    void nothing_that_is_not_a_literal_reaches_the_name_service() {
        assertThat(proxies.client("10.1.2.3", List.of("999.1.1.1"))).contains("10.1.2.3");
        assertThat(proxies.client("10.1.2.3", List.of("localhost"))).contains("10.1.2.3");
        assertThat(proxies.client("256.0.0.1", List.of("203.0.113.9"))).isEmpty();
        assertThatThrownBy(() -> TrustedProxies.parse("999.1.1.1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void only_a_forwarded_address_is_a_person_behind_the_request() {
        assertThat(TrustedProxies.NONE.forwardedClient("198.51.100.7", List.of("203.0.113.9")))
                .isEmpty();
        assertThat(proxies.forwardedClient("198.51.100.7", List.of("203.0.113.9")))
                .isEmpty();
        assertThat(proxies.forwardedClient("10.1.2.3", List.of())).isEmpty();
        assertThat(proxies.forwardedClient("10.1.2.3", List.of("203.0.113.9"))).contains("203.0.113.9");
    }

    @Test
    void only_address_literals_and_cidr_ranges_are_accepted() {
        assertThatThrownBy(() -> TrustedProxies.parse("proxy.internal")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/33")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/x")).isInstanceOf(IllegalArgumentException.class);
        assertThat(TrustedProxies.parse(" ").isEmpty()).isTrue();
    }

    @Test
    void behind_a_trusted_proxy_the_token_records_the_forwarded_client() {
        var acme = behindProxy.platform("acme");
        var ann = behindProxy.user(acme, "ann@acme.test");
        var request = behindProxy
                .api
                .request("/api/white-label/token", RunningApi.adminToken(acme))
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", "6.6.6.6, 203.0.113.50")
                .POST(HttpRequest.BodyPublishers.ofString("{\"user_id\":" + ann.id() + ",\"device_name\":\"kiosk\"}"));
        String token = behindProxy.api.send(request).json().get("token").asText();
        behindProxy.api.send(behindProxy
                .api
                .request("/api/user/me", token)
                .header("X-Forwarded-For", "198.51.100.8")
                .GET());

        var listed = behindProxy
                .api
                .get("/api/user/tokens", token)
                .json()
                .get("data")
                .get(0);

        assertThat(listed.get("ip_address").asText()).isEqualTo("203.0.113.50");
        assertThat(listed.get("last_used_ip").asText()).isEqualTo("198.51.100.8");
        assertThat(listed.get("device_name").asText()).isEqualTo("kiosk");
    }
}
