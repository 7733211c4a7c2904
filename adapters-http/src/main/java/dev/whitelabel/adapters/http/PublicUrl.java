package dev.whitelabel.adapters.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Where receivers reach this service, as they will see it behind any proxy: each platform's issuer and
 * endpoints are built on it. An http or https URL with no query or fragment; a trailing slash is dropped.
 */
public record PublicUrl(String base) {

    public PublicUrl {
        try {
            URI uri = new URI(base);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https"))
                    || uri.getHost() == null
                    || uri.getRawQuery() != null
                    || uri.getRawFragment() != null
                    || uri.getRawUserInfo() != null) {
                throw new IllegalArgumentException("the public URL is an http or https URL with no query");
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("the public URL is an http or https URL with no query", e);
        }
        base = base.replaceAll("/+$", "");
    }

    /** The platform's issuer: the base URL and {@code /platforms/{id}}, into which RFC 8615 inserts well-known paths. */
    public String issuer(long platformId) {
        return base + "/platforms/" + platformId;
    }

    /** One of the platform's Shared Signals endpoints, {@code path} after {@code /ssf/}. */
    public String endpoint(long platformId, String path) {
        return issuer(platformId) + "/ssf/" + path;
    }
}
