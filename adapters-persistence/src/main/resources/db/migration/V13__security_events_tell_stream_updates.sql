-- A stream-updated event (SSF 1.0 section 8.1.5) tells a stream's receiver the status its transmitter
-- set, and why: copied in, as everything an event says is, sized as event_streams' own columns.
alter table security_events add column stream_status varchar(16);
alter table security_events add column status_reason varchar(510);
