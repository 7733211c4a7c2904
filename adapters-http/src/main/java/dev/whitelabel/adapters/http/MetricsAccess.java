package dev.whitelabel.adapters.http;

import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Optional;

/**
 * Who may read /metrics. With a scrape token, whoever sends {@code Authorization: Bearer <token>}
 * (Prometheus's {@code authorization} setting), compared in constant time; without one, clients on
 * this host only, since the server listens on every interface by default and the figures describe
 * its users' traffic.
 */
final class MetricsAccess {

    private final Optional<byte[]> tokenDigest;

    MetricsAccess(Optional<String> token) {
        this.tokenDigest = token.map(MetricsAccess::sha256);
    }

    void check(Context ctx) {
        if (tokenDigest.isEmpty()) {
            if (!fromLoopback(ctx)) {
                throw new HttpProblem(403, "Metrics are served to this host only.");
            }
            return;
        }
        String header = ctx.header("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw Unauthenticated.noToken();
        }
        if (!MessageDigest.isEqual(sha256(header.substring(7).strip()), tokenDigest.get())) {
            throw Unauthenticated.invalidToken();
        }
    }

    private static boolean fromLoopback(Context ctx) {
        try {
            return InetAddress.getByName(ctx.req().getRemoteAddr()).isLoopbackAddress();
        } catch (UnknownHostException notAnAddress) {
            return false;
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
