-- A name is at most 255 characters as people count them (code points). PostgreSQL counts varchar
-- lengths that way; H2 counts UTF-16 units, in which an emoji is two. 510 holds 255 of either.
alter table platforms alter column name set data type varchar(510);
alter table users alter column name set data type varchar(510);
alter table tokens alter column name set data type varchar(510);
alter table service_clients alter column name set data type varchar(510);
