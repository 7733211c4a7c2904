package dev.whitelabel.domain.port.in;

import dev.whitelabel.domain.model.Actor;
import dev.whitelabel.domain.model.Page;
import dev.whitelabel.domain.model.PageRequest;
import dev.whitelabel.domain.model.RecordedAuditEvent;

/** The actor's platform's own audit trail, newest first. */
public interface ReadAuditTrailUseCase {
    Page<RecordedAuditEvent> read(Actor actor, PageRequest page);
}
