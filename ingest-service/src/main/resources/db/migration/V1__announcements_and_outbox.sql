-- One row per announcement: its current revision and the full v1 event of that revision.
create table announcement (
    id             text primary key,
    dedupe_key     text        not null unique,
    revision       integer     not null check (revision >= 1),
    content_hash   text        not null,
    source_url     text,
    publisher      text,
    format         text        not null,
    title          text        not null,
    published_at   timestamptz not null,
    ingested_at    timestamptz not null,
    updated_at     timestamptz not null,
    parser_version text        not null,
    event          text        not null
);
create index announcement_published_at_idx on announcement (published_at desc, id desc);

-- The document exactly as received, per revision, so that a later parser can run over it again.
create table raw_document (
    announcement_id text        not null references announcement (id),
    revision        integer     not null,
    content_type    text        not null,
    content         text        not null,
    supplied_title  text,
    supplied_published_at timestamptz,
    supplied_source_url text,
    supplied_publisher  text,
    received_at     timestamptz not null,
    primary key (announcement_id, revision)
);

-- Events written in the same transaction as the announcement; the relay publishes and deletes them.
create table outbox (
    id              bigserial primary key,
    announcement_id text        not null,
    revision        integer     not null,
    event_type      text        not null,
    payload         text        not null,
    created_at      timestamptz not null,
    attempts        integer     not null default 0,
    last_error      text,
    unique (announcement_id, revision)
);
