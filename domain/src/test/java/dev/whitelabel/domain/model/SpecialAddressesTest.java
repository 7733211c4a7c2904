package dev.whitelabel.domain.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SpecialAddressesTest {

    static boolean special(String literal) throws UnknownHostException {
        return SpecialAddresses.includes(InetAddress.getByName(literal));
    }

    /** Each range's first and last address, and its neighbours where they are public (empty: also special, or none). */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "0.0.0.0/8,         0.0.0.0,         0.255.255.255,     ,                 1.0.0.0",
        "10.0.0.0/8,        10.0.0.0,        10.255.255.255,    9.255.255.255,    11.0.0.0",
        "100.64.0.0/10,     100.64.0.0,      100.127.255.255,   100.63.255.255,   100.128.0.0",
        "127.0.0.0/8,       127.0.0.0,       127.255.255.255,   126.255.255.255,  128.0.0.0",
        "169.254.0.0/16,    169.254.0.0,     169.254.255.255,   169.253.255.255,  169.255.0.0",
        "172.16.0.0/12,     172.16.0.0,      172.31.255.255,    172.15.255.255,   172.32.0.0",
        "192.0.0.0/24,      192.0.0.0,       192.0.0.255,       191.255.255.255,  192.0.1.0",
        "192.0.2.0/24,      192.0.2.0,       192.0.2.255,       192.0.1.255,      192.0.3.0",
        "192.88.99.0/24,    192.88.99.0,     192.88.99.255,     192.88.98.255,    192.88.100.0",
        "192.168.0.0/16,    192.168.0.0,     192.168.255.255,   192.167.255.255,  192.169.0.0",
        "198.18.0.0/15,     198.18.0.0,      198.19.255.255,    198.17.255.255,   198.20.0.0",
        "198.51.100.0/24,   198.51.100.0,    198.51.100.255,    198.51.99.255,    198.51.101.0",
        "203.0.113.0/24,    203.0.113.0,     203.0.113.255,     203.0.112.255,    203.0.114.0",
        "224.0.0.0/4,       224.0.0.0,       239.255.255.255,   223.255.255.255,  ",
        "240.0.0.0/4,       240.0.0.0,       255.255.255.255,   ,                 ",
        "::/128,            ::,              ::,                ,                 ",
        "::1/128,           ::1,             ::1,               ,                 ",
        "64:ff9b:1::/48,    64:ff9b:1::,     64:ff9b:1:ffff:ffff:ffff:ffff:ffff, 64:ff9b:0:ffff:ffff:ffff:ffff:ffff, 64:ff9b:2::",
        "100::/64,          100::,           100::ffff:ffff:ffff:ffff, ff:ffff:ffff:ffff:ffff:ffff:ffff:ffff, ",
        "100:0:0:1::/64,    100:0:0:1::,     100::1:ffff:ffff:ffff:ffff, ,        100:0:0:2::",
        "2001::/23,         2001::,          2001:1ff:ffff:ffff:ffff:ffff:ffff:ffff, 2000:ffff:ffff:ffff:ffff:ffff:ffff:ffff, 2001:200::",
        "2001:db8::/32,     2001:db8::,      2001:db8:ffff:ffff:ffff:ffff:ffff:ffff, 2001:db7:ffff:ffff:ffff:ffff:ffff:ffff, 2001:db9::",
        "3fff::/20,         3fff::,          3fff:fff:ffff:ffff:ffff:ffff:ffff:ffff, 3ffe:ffff:ffff:ffff:ffff:ffff:ffff:ffff, 3fff:1000::",
        "5f00::/16,         5f00::,          5f00:ffff:ffff:ffff:ffff:ffff:ffff:ffff, 5eff:ffff:ffff:ffff:ffff:ffff:ffff:ffff, 5f01::",
        "fc00::/7,          fc00::,          fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff, fbff:ffff:ffff:ffff:ffff:ffff:ffff:ffff, fe00::",
        "fe80::/10,         fe80::,          febf:ffff:ffff:ffff:ffff:ffff:ffff:ffff, fe7f:ffff:ffff:ffff:ffff:ffff:ffff:ffff, ",
        "fec0::/10,         fec0::,          feff:ffff:ffff:ffff:ffff:ffff:ffff:ffff, ,  ",
        "ff00::/8,          ff00::,          ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff, ,  "
    })
    void a_special_purpose_range_is_special_from_its_first_to_its_last_address_and_no_further(
            String range, String first, String last, String below, String above) throws UnknownHostException {
        assertThat(special(first)).as(first).isTrue();
        assertThat(special(last)).as(last).isTrue();
        if (below != null) {
            assertThat(special(below)).as(below).isFalse();
        }
        if (above != null) {
            assertThat(special(above)).as(above).isFalse();
        }
    }

    /** IPv4-compatible, IPv4-translated, NAT64 and 6to4 addresses: judged by the IPv4 address they carry. */
    @ParameterizedTest
    @CsvSource({
        "::127.0.0.1,            ::8.8.8.8",
        "::ffff:0:169.254.169.254, ::ffff:0:8.8.8.8",
        "64:ff9b::127.0.0.1,     64:ff9b::8.8.8.8",
        "64:ff9b::10.1.2.3,      64:ff9b::1.1.1.1",
        "2002:7f00:1::,          2002:808:808::",
        "2002:c0a8:101:1::1,     2002:101:101:1::1"
    })
    void an_ipv6_address_carrying_an_ipv4_address_is_special_when_the_ipv4_address_is(String carrying, String public_)
            throws UnknownHostException {
        assertThat(special(carrying)).as(carrying).isTrue();
        assertThat(special(public_)).as(public_).isFalse();
    }

    /** The JDK reads ::ffff:a.b.c.d as a.b.c.d, but a resolver may answer it as an IPv6 address. */
    @Test
    void an_ipv4_mapped_ipv6_address_is_judged_by_the_ipv4_address_it_maps() throws UnknownHostException {
        assertThat(SpecialAddresses.includes(mapped(127, 0, 0, 1))).isTrue();
        assertThat(SpecialAddresses.includes(mapped(192, 168, 1, 1))).isTrue();
        assertThat(SpecialAddresses.includes(mapped(8, 8, 8, 8))).isFalse();
        assertThat(special("::ffff:127.0.0.1")).isTrue();
    }

    static InetAddress mapped(int a, int b, int c, int d) throws UnknownHostException {
        byte[] bytes = new byte[16];
        bytes[10] = (byte) 0xFF;
        bytes[11] = (byte) 0xFF;
        bytes[12] = (byte) a;
        bytes[13] = (byte) b;
        bytes[14] = (byte) c;
        bytes[15] = (byte) d;
        return Inet6Address.getByAddress(null, bytes, -1);
    }

    /** Teredo tunnels reach any IPv4 host through a relay: refused whole, whatever the addresses in it. */
    @ParameterizedTest
    @ValueSource(strings = {"2001:0:4136:e378:8000:63bf:3fff:fdd2", "2001:0:808:808::f7f7:f7f7", "2001::1"})
    void a_teredo_address_is_special(String teredo) throws UnknownHostException {
        assertThat(special(teredo)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "93.184.215.14", "2606:4700::1111", "2a00:1450:4001::200e"})
    void public_addresses_are_not_special(String literal) throws UnknownHostException {
        assertThat(special(literal)).isFalse();
    }
}
