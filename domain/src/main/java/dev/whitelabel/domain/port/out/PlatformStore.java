package dev.whitelabel.domain.port.out;

import dev.whitelabel.domain.model.Platform;
import dev.whitelabel.domain.model.SessionCap;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

public interface PlatformStore {
    Platform add(String name, Instant createdAt);

    Optional<Platform> find(long platformId);

    /** The platform's cap; {@link SessionCap#NONE} until one is set. */
    Optional<SessionCap> sessionCap(long platformId);

    /**
     * Changes what is given, in one statement, so that two changes of different settings both hold;
     * answers the cap as it is now, or empty when there is no such platform.
     */
    Optional<SessionCap> changeSessionCap(
            long platformId, Optional<OptionalInt> max, Optional<SessionCap.Policy> policy);
}
