package dev.whitelabel.domain.model;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The addresses a webhook must not reach unless the operator allows private targets: every range of
 * IANA's IPv4 and IPv6 special-purpose address registries that is not globally reachable, multicast,
 * and the IPv6 forms that carry an IPv4 address, judged by the address they carry. The anycast
 * services the registries mark globally reachable (AS112, AMT) stay allowed, except inside
 * 192.0.0.0/24 and 2001::/23, which are refused whole: nothing a webhook is meant for lives there.
 */
public final class SpecialAddresses {

    private static final List<Range> RANGES = Stream.of(
                    "0.0.0.0/8", // "this network"
                    "10.0.0.0/8", // private
                    "100.64.0.0/10", // shared address space (carrier-grade NAT)
                    "127.0.0.0/8", // loopback
                    "169.254.0.0/16", // link-local, the cloud metadata address among them
                    "172.16.0.0/12", // private
                    "192.0.0.0/24", // IETF protocol assignments
                    "192.0.2.0/24", // documentation
                    "192.88.99.0/24", // 6to4 relay anycast, deprecated
                    "192.168.0.0/16", // private
                    "198.18.0.0/15", // benchmarking
                    "198.51.100.0/24", // documentation
                    "203.0.113.0/24", // documentation
                    "224.0.0.0/4", // multicast
                    "240.0.0.0/4", // reserved, the limited broadcast address among them
                    "::/128", // unspecified
                    "::1/128", // loopback
                    // local-use IPv4/IPv6 translation: its embedding skips a byte, and no public host is behind it
                    "64:ff9b:1::/48",
                    "100::/64", // discard-only
                    "100:0:0:1::/64", // dummy prefix
                    // IETF protocol assignments; Teredo (2001::/32) among them, whose tunnels reach anything
                    "2001::/23",
                    "2001:db8::/32", // documentation
                    "3fff::/20", // documentation
                    "5f00::/16", // segment routing (SRv6) SIDs
                    "fc00::/7", // unique local
                    "fe80::/10", // link-local
                    "fec0::/10", // site-local, deprecated but still routed by some networks
                    "ff00::/8") // multicast
            .map(Range::parse)
            .toList();

    /** The IPv6 prefixes whose addresses carry an IPv4 address, and the byte it starts at. */
    private static final List<Carrier> CARRIERS = List.of(
            new Carrier(Range.parse("::ffff:0:0/96"), 12), // IPv4-mapped
            new Carrier(Range.parse("::/96"), 12), // IPv4-compatible, deprecated
            new Carrier(Range.parse("::ffff:0:0:0/96"), 12), // IPv4-translated (SIIT), obsolete
            new Carrier(Range.parse("64:ff9b::/96"), 12), // NAT64's well-known prefix
            new Carrier(Range.parse("2002::/16"), 2)); // 6to4

    private SpecialAddresses() {}

    public static boolean includes(InetAddress address) {
        return includes(address.getAddress());
    }

    private static boolean includes(byte[] address) {
        return RANGES.stream().anyMatch(range -> range.contains(address))
                || CARRIERS.stream()
                        .filter(carrier -> carrier.prefix().contains(address))
                        .anyMatch(carrier -> includes(Arrays.copyOfRange(address, carrier.from(), carrier.from() + 4)));
    }

    private record Carrier(Range prefix, int from) {}

    /** The addresses whose first {@code bits} bits are those of {@code network}. */
    private record Range(byte[] network, int bits) {

        /** From a literal CIDR such as {@code 10.0.0.0/8}: literals only, so nothing is looked up. */
        static Range parse(String cidr) {
            String[] parts = cidr.split("/");
            try {
                byte[] network = InetAddress.getByName(parts[0]).getAddress();
                return new Range(parts[0].contains(":") ? asIpv6(network) : network, Integer.parseInt(parts[1]));
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(cidr, e);
            }
        }

        /** The JDK reads {@code ::ffff:0:0} as the IPv4 address it maps; the range is of IPv6 addresses. */
        private static byte[] asIpv6(byte[] address) {
            if (address.length == 16) {
                return address;
            }
            byte[] mapped = new byte[16];
            mapped[10] = (byte) 0xFF;
            mapped[11] = (byte) 0xFF;
            System.arraycopy(address, 0, mapped, 12, 4);
            return mapped;
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int whole = bits / 8;
            if (!Arrays.equals(address, 0, whole, network, 0, whole)) {
                return false;
            }
            int rest = bits % 8;
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return rest == 0 || (address[whole] & mask) == (network[whole] & mask);
        }
    }
}
