package dev.whitelabel.domain.port.in;

import java.time.Duration;

/** Deletes tokens revoked or expired longer than {@code retention} ago; answers how many. */
public interface PruneTokensUseCase {
    int prune(Duration retention);
}
