package dev.whitelabel.domain.port.in;

import dev.whitelabel.domain.model.Actor;
import dev.whitelabel.domain.model.SessionCap;
import java.util.Optional;
import java.util.OptionalInt;

/** What changes of a platform's cap on each user's live tokens: what is present; a present empty {@code max} lifts the cap. */
public record ChangeSessionCapCommand(Actor actor, Optional<OptionalInt> max, Optional<SessionCap.Policy> policy) {}
