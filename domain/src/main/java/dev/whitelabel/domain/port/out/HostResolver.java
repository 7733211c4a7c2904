package dev.whitelabel.domain.port.out;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * What a webhook target's host stands for now. The endpoint's check at creation and the sender's
 * check as it connects both ask here, so that a test can answer differently from one lookup to the
 * next, as a name under an attacker's control would (DNS rebinding).
 */
@FunctionalInterface
public interface HostResolver {

    /** The JDK's, which asks the system's resolver and caches its answers for a while. */
    HostResolver SYSTEM = host -> List.of(InetAddress.getAllByName(host));

    /**
     * Every address of {@code host}, a name or an address literal as a URL writes it (IPv6 in
     * brackets), at least one.
     *
     * @throws UnknownHostException when it has none
     */
    List<InetAddress> addresses(String host) throws UnknownHostException;
}
