-- A claim looks behind a slow endpoint's backlog for other endpoints' due deliveries: each endpoint's
-- oldest due one is one probe of this index, whatever the backlog.
create index webhook_deliveries_endpoint_due on webhook_deliveries (endpoint_id, next_attempt_at);
