package dev.whitelabel.bootstrap;

import dev.whitelabel.adapters.http.PublicUrl;
import dev.whitelabel.adapters.http.ssf.NimbusSecurityEventSigner;
import dev.whitelabel.adapters.http.ssf.SealedKeys;
import dev.whitelabel.domain.port.out.SecurityEventSigner;
import java.time.Clock;

/**
 * What makes each platform a Shared Signals transmitter besides its use cases: where receivers reach
 * this service (the issuers are built on it), and the signer holding the server key that seals the
 * platforms' private keys. Every instance over one database needs the same server key.
 */
public record SharedSignals(PublicUrl publicUrl, SecurityEventSigner signer) {

    public static SharedSignals of(PublicUrl publicUrl, byte[] serverKey) {
        return new SharedSignals(
                publicUrl, new NimbusSecurityEventSigner(new SealedKeys(serverKey), publicUrl, Clock.systemUTC()));
    }

    /**
     * With a server key of its own, for a server whose database lives no longer than it (tests, an
     * in-memory embedding): the keys it makes open in this JVM only.
     */
    public static SharedSignals ephemeral(PublicUrl publicUrl) {
        return of(publicUrl, SealedKeys.newServerKey());
    }
}
