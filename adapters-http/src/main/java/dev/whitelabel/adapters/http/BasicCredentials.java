package dev.whitelabel.adapters.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** A client's id and secret in HTTP Basic credentials, for the introspection, revocation and Shared Signals endpoints. */
final class BasicCredentials {

    private BasicCredentials() {}

    /** {@code Basic base64(urlencoded id ":" urlencoded secret)}, as RFC 6749 section 2.3.1 writes it. */
    static Optional<String[]> parse(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String decoded =
                    new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 1) {
                return Optional.empty();
            }
            return Optional.of(new String[] {
                URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)
            });
        } catch (IllegalArgumentException notBase64OrNotUrlEncoded) {
            return Optional.empty();
        }
    }
}
