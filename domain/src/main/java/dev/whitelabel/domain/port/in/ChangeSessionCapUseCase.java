package dev.whitelabel.domain.port.in;

import dev.whitelabel.domain.model.SessionCap;

/**
 * A platform's admin or the operator changes its cap on each user's live tokens: it applies to the next
 * token issued, and ends no token by itself.
 *
 * @throws dev.whitelabel.domain.error.PlatformNotFound no such platform (the operator's command line)
 */
public interface ChangeSessionCapUseCase {
    /** Changes what is present: a present empty {@code max} lifts the cap. */
    SessionCap changeSessionCap(ChangeSessionCapCommand command);
}
