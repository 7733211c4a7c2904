package dev.whitelabel.domain.port.out;

import dev.whitelabel.domain.model.SigningKey;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Every platform's keys for signing security events, each confined to its platform. */
public interface SigningKeyStore {

    /** Stores a new key of the platform, which becomes the one it signs with. */
    SigningKey add(long platformId, SecurityEventSigner.NewKey key, Instant now);

    /** The key the platform signs with: its newest unretired one. */
    Optional<SigningKey> current(long platformId);

    /** The platform's keys still published: unretired, or retired after {@code retiredAfter}; newest first. */
    List<SigningKey> published(long platformId, Instant retiredAfter);

    /** Retires every key of the platform but {@code keptKeyId}. */
    void retireAllBut(long platformId, long keptKeyId, Instant now);
}
