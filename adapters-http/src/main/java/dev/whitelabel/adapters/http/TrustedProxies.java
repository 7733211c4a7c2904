package dev.whitelabel.adapters.http;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The proxies whose {@code X-Forwarded-For} is believed, as addresses or CIDR ranges the operator
 * lists; none by default, since any client can write the header. The client is the rightmost address
 * of the chain that is not a trusted proxy, the way nginx's {@code real_ip_recursive} reads it.
 */
public final class TrustedProxies {

    public static final TrustedProxies NONE = new TrustedProxies(List.of());
    /** Literals only: anything else would make {@link InetAddress#getByName} ask the DNS. */
    private static final Pattern LITERAL = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}|[0-9a-fA-F:]*:[0-9a-fA-F:.]*");

    private record Range(byte[] network, int prefix) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int bits = network.length * 8;
            var mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE).shiftRight(prefix).not();
            return new BigInteger(1, address).and(mask).equals(new BigInteger(1, network).and(mask));
        }
    }

    private final List<Range> ranges;

    private TrustedProxies(List<Range> ranges) {
        this.ranges = ranges;
    }

    /**
     * From a comma-separated list such as {@code "10.0.0.0/8, 127.0.0.1, ::1"}.
     *
     * @throws IllegalArgumentException an entry that is not an address literal or a CIDR range
     */
    public static TrustedProxies parse(String list) {
        return new TrustedProxies(Arrays.stream(list.split(",")).map(String::strip).filter(entry -> !entry.isEmpty())
                .map(TrustedProxies::range).toList());
    }

    private static Range range(String entry) {
        int slash = entry.indexOf('/');
        byte[] address = literal(slash < 0 ? entry : entry.substring(0, slash))
                .orElseThrow(() -> new IllegalArgumentException("not an IP address or CIDR range: " + entry));
        int prefix = address.length * 8;
        if (slash >= 0) {
            try {
                prefix = Integer.parseInt(entry.substring(slash + 1));
            } catch (NumberFormatException e) {
                prefix = -1;
            }
            if (prefix < 0 || prefix > address.length * 8) {
                throw new IllegalArgumentException("not a CIDR prefix length: " + entry);
            }
        }
        return new Range(address, prefix);
    }

    public boolean isEmpty() {
        return ranges.isEmpty();
    }

    /**
     * The client's address: the peer's, or, when the peer is trusted, the rightmost untrusted one of
     * the forwarded chain (a malformed entry ends the walk at the hop after it). Empty if the peer's
     * own address is not a plain literal.
     */
    Optional<String> client(String peer, List<String> forwardedFor) {
        var current = literal(peer);
        if (current.isEmpty() || ranges.isEmpty()) {
            return current.map(TrustedProxies::text);
        }
        var chain = forwardedFor.stream().flatMap(header -> Arrays.stream(header.split(","))).map(String::strip).toList();
        for (int i = chain.size() - 1; i >= 0 && isTrusted(current.get()); i--) {
            var previous = literal(chain.get(i));
            if (previous.isEmpty()) {
                break;
            }
            current = previous;
        }
        return current.map(TrustedProxies::text);
    }

    private boolean isTrusted(byte[] address) {
        return ranges.stream().anyMatch(range -> range.contains(address));
    }

    private static Optional<byte[]> literal(String text) {
        if (!LITERAL.matcher(text).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(text).getAddress());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static String text(byte[] address) {
        try {
            return InetAddress.getByAddress(address).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalStateException("an address of 4 or 16 bytes", e);
        }
    }

    @Override
    public String toString() {
        return "TrustedProxies" + ranges.stream().map(range -> text(range.network()) + "/" + range.prefix()).toList();
    }
}
