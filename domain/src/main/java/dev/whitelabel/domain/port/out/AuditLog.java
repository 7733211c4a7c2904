package dev.whitelabel.domain.port.out;

import dev.whitelabel.domain.model.AuditEvent;

public interface AuditLog {
    void record(AuditEvent event);
}
