package dev.whitelabel.domain.port.in;

import dev.whitelabel.domain.model.NewPlatform;
import dev.whitelabel.domain.model.PlatformCreated;

/** Creates a platform with its first white-label admin and that admin's first token. */
public interface CreatePlatformUseCase {
    PlatformCreated create(NewPlatform platform);
}
