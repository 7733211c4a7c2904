-- What a token may be used for (Laravel Sanctum's abilities), space-separated as an OAuth scope is:
-- a name has no space, so the column reads back as the list that was written. 50 names of at most
-- 100 ASCII characters and the 49 spaces between them fit. A token issued before this holds every
-- ability, as it could do everything until now; the default then goes, so that no later insert is
-- given every ability by leaving the column out.
alter table tokens add column abilities varchar(5049) default '*' not null;
alter table tokens alter column abilities drop default;
