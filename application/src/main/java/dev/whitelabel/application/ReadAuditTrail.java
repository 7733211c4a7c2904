package dev.whitelabel.application;

import dev.whitelabel.domain.model.Actor;
import dev.whitelabel.domain.model.Page;
import dev.whitelabel.domain.model.PageRequest;
import dev.whitelabel.domain.model.RecordedAuditEvent;
import dev.whitelabel.domain.port.in.ReadAuditTrailUseCase;
import dev.whitelabel.domain.port.out.AuditLog;

final class ReadAuditTrail implements ReadAuditTrailUseCase {

    private final AuditLog auditLog;

    ReadAuditTrail(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @Override
    public Page<RecordedAuditEvent> read(Actor actor, PageRequest page) {
        return auditLog.list(actor.platformId(), page);
    }
}
