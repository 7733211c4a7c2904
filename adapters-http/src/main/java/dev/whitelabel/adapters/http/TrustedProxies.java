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
    private static final String OCTET = "(25[0-5]|2[0-4][0-9]|1[0-9]{2}|[1-9]?[0-9])";
    /**
     * Literals only, so that {@link InetAddress#getByName} never asks the name service: four octets
     * of at most 255, or a text with a colon, which it reads as an IPv6 literal or refuses.
     */
    private static final Pattern LITERAL =
            Pattern.compile(OCTET + "(\\." + OCTET + "){3}|[0-9a-fA-F:]*:[0-9a-fA-F:.]*");
    /** An IPv4 address with a port, or a bracketed IPv6 address with or without one, as proxies write them. */
    private static final Pattern WITH_PORT = Pattern.compile("([0-9.]+):[0-9]{1,5}|\\[([0-9a-fA-F:.]+)](:[0-9]{1,5})?");

    private record Range(byte[] network, int prefix) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int bits = network.length * 8;
            var mask = BigInteger.ONE
                    .shiftLeft(bits)
                    .subtract(BigInteger.ONE)
                    .shiftRight(prefix)
                    .not();
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
        return new TrustedProxies(Arrays.stream(list.split(","))
                .map(String::strip)
                .filter(entry -> !entry.isEmpty())
                .map(TrustedProxies::range)
                .toList());
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
     * own address is not a literal.
     */
    Optional<String> client(String peer, List<String> forwardedFor) {
        if (ranges.isEmpty()) {
            return asWritten(peer);
        }
        var current = literal(peer);
        if (current.isEmpty()) {
            return Optional.empty();
        }
        var chain = forwardedFor.stream()
                .flatMap(header -> Arrays.stream(header.split(",")))
                .map(String::strip)
                .toList();
        for (int i = chain.size() - 1; i >= 0 && isTrusted(current.get()); i--) {
            var previous = literal(chain.get(i));
            if (previous.isEmpty()) {
                break;
            }
            current = previous;
        }
        return current.map(TrustedProxies::text);
    }

    /**
     * The address a trusted proxy forwarded for its client; empty when no proxy is trusted, the peer
     * is not one, or it forwarded nothing (then the request comes from the proxy itself).
     */
    Optional<String> forwardedClient(String peer, List<String> forwardedFor) {
        var peerAddress = literal(peer);
        if (peerAddress.isEmpty() || !isTrusted(peerAddress.get())) {
            return Optional.empty();
        }
        return client(peer, forwardedFor).filter(client -> !client.equals(text(peerAddress.get())));
    }

    private boolean isTrusted(byte[] address) {
        return ranges.stream().anyMatch(range -> range.contains(address));
    }

    /**
     * The peer as the server wrote it, which it printed from the socket's address: on every
     * authenticated request, so without a parse. Only the brackets of an IPv6 peer are taken off.
     */
    private static Optional<String> asWritten(String peer) {
        String address = peer.startsWith("[") && peer.endsWith("]") ? peer.substring(1, peer.length() - 1) : peer;
        for (int i = 0; i < address.length(); i++) {
            char c = address.charAt(i);
            boolean hex = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (!hex && c != ':' && c != '.') {
                return Optional.empty();
            }
        }
        return address.isEmpty() || address.length() > 45 ? Optional.empty() : Optional.of(address);
    }

    /** Jetty writes an IPv6 peer in brackets, and proxies may add a port: both are taken off. */
    private static Optional<byte[]> literal(String written) {
        var withPort = WITH_PORT.matcher(written);
        String text = !withPort.matches() ? written : withPort.group(1) != null ? withPort.group(1) : withPort.group(2);
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
        return "TrustedProxies"
                + ranges.stream()
                        .map(range -> text(range.network()) + "/" + range.prefix())
                        .toList();
    }
}
