package dev.whitelabel.domain.port.out;

/** The stores one database (or the in-memory adapter) provides, and its transactions over them. */
public record Storage(
        PlatformStore platforms, UserDirectory users, TokenStore tokens, AuditLog auditLog, Transactions transactions) {}
