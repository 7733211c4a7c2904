package dev.whitelabel.adapters.persistence.memory;

import dev.whitelabel.domain.model.AuditEvent;
import dev.whitelabel.domain.model.Page;
import dev.whitelabel.domain.model.PageRequest;
import dev.whitelabel.domain.model.RecordedAuditEvent;
import dev.whitelabel.domain.port.out.AuditLog;
import java.util.Comparator;

final class InMemoryAuditLog implements AuditLog {

    private final InMemoryDatabase database;

    InMemoryAuditLog(InMemoryDatabase database) {
        this.database = database;
    }

    @Override
    public long record(AuditEvent event) {
        return database.locked(() -> {
            long id = database.nextId();
            database.auditEvents().add(new RecordedAuditEvent(id, event));
            return id;
        });
    }

    @Override
    public Page<RecordedAuditEvent> list(long platformId, PageRequest page) {
        return database.locked(() -> InMemoryDatabase.page(
                database.auditEvents().stream()
                        .filter(recorded -> recorded.event().platformId() == platformId)
                        .sorted(Comparator.comparingLong(RecordedAuditEvent::id).reversed())
                        .toList(),
                page));
    }
}
