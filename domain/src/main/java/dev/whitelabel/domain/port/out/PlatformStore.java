package dev.whitelabel.domain.port.out;

import dev.whitelabel.domain.model.Platform;
import java.time.Instant;
import java.util.Optional;

public interface PlatformStore {
    Platform add(String name, Instant createdAt);

    Optional<Platform> find(long platformId);
}
