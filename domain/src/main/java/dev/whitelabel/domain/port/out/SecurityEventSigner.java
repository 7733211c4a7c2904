package dev.whitelabel.domain.port.out;

import dev.whitelabel.domain.model.EventStream;
import dev.whitelabel.domain.model.SigningKey;

/** Makes keys and signs security event tokens with them; the only part that sees a private key unsealed. */
public interface SecurityEventSigner {

    /** A new key pair: its id, public part as published, and private part sealed with the server's key. */
    NewKey newKey();

    /** The security event token of the stream's event, signed with {@code key}. */
    String sign(SigningKey key, EventStream stream, PendingSecurityEvent event);

    record NewKey(String keyId, String publicKey, String sealedPrivateKey) {
        @Override
        public String toString() {
            return "NewKey[keyId=" + keyId + "]";
        }
    }
}
