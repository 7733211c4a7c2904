package dev.whitelabel.domain.port.in;

import dev.whitelabel.domain.model.SigningKey;
import java.util.List;

/** The public keys a platform's receivers verify its security events with; its first key is made on first use. */
public interface PublishSigningKeysUseCase {
    /** Newest first. @throws dev.whitelabel.domain.error.PlatformNotFound no such platform */
    List<SigningKey> published(long platformId);
}
