package dev.whitelabel.domain.model;

/** An audit event as stored, with its id (which orders the trail). */
public record RecordedAuditEvent(long id, AuditEvent event) {}
