package dev.whitelabel.domain.model;

import java.time.Instant;
import java.util.Optional;

/**
 * One of a platform's keys for signing its security events: its key id, its public key as the
 * signer publishes it, and its private key sealed with the server's key, which only the signer opens.
 * A retired key signs nothing more; it stays published until the events it signed have expired.
 */
public record SigningKey(
        long id,
        long platformId,
        String keyId,
        String publicKey,
        String sealedPrivateKey,
        Instant createdAt,
        Optional<Instant> retiredAt) {

    @Override
    public String toString() {
        return "SigningKey[id=" + id + ", platformId=" + platformId + ", keyId=" + keyId + "]";
    }
}
