-- The read model: one row per announcement, at the newest revision seen.
create table timeline_entry (
    id            text primary key,
    revision      integer     not null check (revision >= 1),
    published_at  timestamptz not null,
    kind          text        not null,
    title         text        not null,
    summary       text,
    publisher     text,
    source_url    text,
    countries     text[]      not null default '{}',
    organisations text[]      not null default '{}',
    persons       text[]      not null default '{}',
    event         text        not null,
    applied_at    timestamptz not null
);
-- The timeline's order (keyset pagination walks it) and its most used filters.
create index timeline_entry_order_idx on timeline_entry (published_at desc, id desc);
create index timeline_entry_kind_order_idx on timeline_entry (kind, published_at desc, id desc);
create index timeline_entry_countries_idx on timeline_entry using gin (countries);
