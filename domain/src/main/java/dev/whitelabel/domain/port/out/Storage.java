package dev.whitelabel.domain.port.out;

/** The stores one database (or the in-memory adapter) provides, its transactions over them, and its probe. */
public record Storage(
        PlatformStore platforms,
        UserDirectory users,
        TokenStore tokens,
        ServiceClientStore serviceClients,
        WebhookStore webhooks,
        EventStreamStore eventStreams,
        SigningKeyStore signingKeys,
        AuditLog auditLog,
        LoginFailures loginFailures,
        Transactions transactions,
        StorageProbe probe) {}
