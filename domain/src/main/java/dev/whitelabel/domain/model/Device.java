package dev.whitelabel.domain.model;

import dev.whitelabel.domain.error.Input;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which device a token was issued to, so that a person can tell "the phone I lost" in a listing: the
 * name the client gave it, its user agent and its IP address. The user agent is a header anyone can
 * write, so it is cleaned rather than refused: trimmed, without control or invisible format
 * characters (which could make one agent read as another), at most {@value #MAX_USER_AGENT} code points.
 */
public record Device(Optional<String> name, Optional<String> userAgent, Optional<String> ipAddress) {

    public static final int MAX_USER_AGENT = 255;
    public static final Device UNKNOWN = new Device(Optional.empty(), Optional.empty(), Optional.empty());
    /** An IPv4 or IPv6 literal as {@code java.net.InetAddress} prints one; the adapter parsed it. */
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9a-fA-F:.]{2,45}");
    /** Unpaired surrogates go too: they have no UTF-8 form to store. */
    private static final Set<Integer> DROPPED = Set.of(
            (int) Character.CONTROL,
            (int) Character.FORMAT,
            (int) Character.LINE_SEPARATOR,
            (int) Character.PARAGRAPH_SEPARATOR,
            (int) Character.SURROGATE);

    public Device {
        name = name.map(text -> DisplayName.require(Input.DEVICE_NAME, text));
        userAgent = userAgent.flatMap(Device::cleanUserAgent);
        if (ipAddress.isPresent() && !IP_LITERAL.matcher(ipAddress.get()).matches()) {
            throw new IllegalArgumentException("not an IP address literal");
        }
    }

    private static Optional<String> cleanUserAgent(String raw) {
        var kept = new StringBuilder();
        raw.codePoints().filter(c -> !DROPPED.contains(Character.getType(c))).forEach(kept::appendCodePoint);
        String trimmed = kept.toString().strip();
        if (Text.length(trimmed) > MAX_USER_AGENT) {
            trimmed = trimmed.substring(0, trimmed.offsetByCodePoints(0, MAX_USER_AGENT))
                    .strip();
        }
        return trimmed.isEmpty() ? Optional.empty() : Optional.of(trimmed);
    }
}
