package dev.whitelabel.adapters.persistence.memory;

import dev.whitelabel.domain.model.AuditEvent;
import dev.whitelabel.domain.port.out.AuditLog;

final class InMemoryAuditLog implements AuditLog {

    private final InMemoryDatabase database;

    InMemoryAuditLog(InMemoryDatabase database) {
        this.database = database;
    }

    @Override
    public void record(AuditEvent event) {
        database.locked(() -> database.auditEvents.add(event));
    }
}
