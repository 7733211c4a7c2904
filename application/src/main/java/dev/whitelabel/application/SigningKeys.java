package dev.whitelabel.application;

import dev.whitelabel.domain.model.EventStream;
import dev.whitelabel.domain.model.SigningKey;
import dev.whitelabel.domain.port.out.PendingSecurityEvent;
import dev.whitelabel.domain.port.out.SecurityEventSigner;
import dev.whitelabel.domain.port.out.SigningKeyStore;
import dev.whitelabel.domain.port.out.Transactions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A platform's signing keys: made on first use, rotated on request. A retired key stays published for
 * a day: receivers verify a token when it arrives, and a pushed one arrives within its retries' first hours.
 */
final class SigningKeys {

    static final Duration PUBLISHED_AFTER_RETIREMENT = Duration.ofDays(1);

    private final SigningKeyStore store;
    private final SecurityEventSigner signer;
    private final Transactions transactions;
    private final Clock clock;

    SigningKeys(SigningKeyStore store, SecurityEventSigner signer, Transactions transactions, Clock clock) {
        this.store = store;
        this.signer = signer;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** The key the platform signs with now; its first, made now, if it has none. */
    SigningKey current(long platformId) {
        return store.current(platformId).orElseGet(() -> store.add(platformId, signer.newKey(), clock.instant()));
    }

    List<SigningKey> published(long platformId) {
        current(platformId);
        return store.published(platformId, clock.instant().minus(PUBLISHED_AFTER_RETIREMENT));
    }

    SigningKey rotate(long platformId) {
        return transactions.inTransaction(() -> {
            Instant now = clock.instant();
            SigningKey key = store.add(platformId, signer.newKey(), now);
            store.retireAllBut(platformId, key.id(), now);
            return key;
        });
    }

    /** The event's token, signed with its platform's current key. */
    String sign(EventStream stream, PendingSecurityEvent event) {
        return signer.sign(current(stream.platformId()), stream, event);
    }
}
