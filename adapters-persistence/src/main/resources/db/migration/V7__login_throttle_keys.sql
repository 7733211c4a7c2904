-- One row per email and per client address being counted. A login locks its rows while it reads
-- the failures and inserts its own, so two logins (on any instance) cannot both take the last place.
create table login_throttle_keys (
    platform_id  bigint not null references platforms (id),
    throttle_key varchar(80) not null,
    locked_at    timestamp with time zone not null,
    primary key (platform_id, throttle_key)
);
