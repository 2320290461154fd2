-- Feeds that ingest polls, with their conditional-GET validators and their polling status.
create table feed_source (
    id                    bigserial primary key,
    name                  text        not null,
    feed_url              text        not null unique,
    publisher             text,
    poll_interval_seconds integer     not null check (poll_interval_seconds >= 1),
    enabled               boolean     not null default true,
    created_at            timestamptz not null,
    etag                  text,
    last_modified         text,
    last_poll_at          timestamptz,
    last_success_at       timestamptz,
    last_error            text,
    last_error_at         timestamptz,
    consecutive_errors    integer     not null default 0,
    items_seen            bigint      not null default 0,
    items_ingested        bigint      not null default 0,
    next_poll_at          timestamptz not null
);
create index feed_source_due_idx on feed_source (next_poll_at) where enabled;

-- Feed entries already handled, so that an item is fetched once however often it stays in the feed.
create table feed_item (
    source_id       bigint      not null references feed_source (id) on delete cascade,
    item_key        text        not null,
    announcement_id text,
    outcome         text        not null,
    seen_at         timestamptz not null,
    primary key (source_id, item_key)
);
