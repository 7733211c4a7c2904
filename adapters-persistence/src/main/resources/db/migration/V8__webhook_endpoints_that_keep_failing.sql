-- An endpoint that does nothing but fail is disabled after a while (WHITELABEL_WEBHOOK_DISABLE_AFTER):
-- failing_since is its first failed attempt after its last success, cleared by the next success;
-- disabled_at is when the service stopped sending to it, until an admin enables it again. Its
-- deliveries meanwhile wait with no next attempt and are due again when it is enabled.
alter table webhook_endpoints add column failing_since timestamp with time zone;
alter table webhook_endpoints add column disabled_at timestamp with time zone;

-- The audit trail names the endpoint disabled or enabled. No foreign key: H2 would give it an index
-- of its own, written by every logout's audit event; endpoints are never deleted (see V4).
alter table audit_events add column webhook_endpoint_id bigint;
