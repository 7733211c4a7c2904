package dev.whitelabel.domain.port.out;

import dev.whitelabel.domain.model.Platform;
import dev.whitelabel.domain.model.SessionCap;
import java.time.Instant;
import java.util.Optional;

public interface PlatformStore {
    Platform add(String name, Instant createdAt);

    Optional<Platform> find(long platformId);

    /** The platform's cap; {@link SessionCap#NONE} until one is set. */
    Optional<SessionCap> sessionCap(long platformId);

    void setSessionCap(long platformId, SessionCap cap);
}
