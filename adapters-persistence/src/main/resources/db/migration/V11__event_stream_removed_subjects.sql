-- The users a Shared Signals stream's receiver removed from it (SSF 1.0 section 8.1.3): a stream tells
-- of every user of its platform (default_subjects ALL) but these. A user is kept as the receiver named
-- one: by the key of an email (trimmed, lower-cased, as users are looked up by), which then names
-- whoever holds that address, or by id. Adding a subject back deletes its row.
create table event_stream_removed_subjects (
    stream_id bigint not null references event_streams (id) on delete cascade,
    email_key varchar(254),
    user_id   bigint,
    check ((email_key is null and user_id is not null) or (email_key is not null and user_id is null))
);

-- one row a subject, and the lookups of the insert of every event
create unique index event_stream_removed_emails on event_stream_removed_subjects (stream_id, email_key);
create unique index event_stream_removed_users on event_stream_removed_subjects (stream_id, user_id);
