-- More filters (any-of within a field, AND across fields; empty = no filter): organisation id or name, person
-- name, publisher name; compared case-insensitively.
alter table subscription add column organisations text[] not null default '{}';
alter table subscription add column persons text[] not null default '{}';
alter table subscription add column publishers text[] not null default '{}';
