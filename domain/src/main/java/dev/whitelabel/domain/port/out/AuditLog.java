package dev.whitelabel.domain.port.out;

import dev.whitelabel.domain.model.AuditEvent;
import dev.whitelabel.domain.model.Page;
import dev.whitelabel.domain.model.PageRequest;
import dev.whitelabel.domain.model.RecordedAuditEvent;

public interface AuditLog {
    /** Records the event; answers its id. */
    long record(AuditEvent event);

    /** The platform's events, newest first. */
    Page<RecordedAuditEvent> list(long platformId, PageRequest page);
}
