-- How often a subscription is told: at once, or in a daily/weekly digest at a set hour in its time zone.
alter table subscription add column frequency text not null default 'immediate'
    check (frequency in ('immediate', 'daily', 'weekly'));
-- IANA time zone id of the subscriber, for the digest hour
alter table subscription add column timezone text not null default 'UTC';

-- What matched a digest subscription and waits for its next digest (latest revision wins while waiting).
create table digest_item (
    subscription_id   uuid        not null references subscription (id),
    announcement_id   text        not null,
    revision          int         not null,
    kind              text        not null,
    countries         text[]      not null default '{}',
    title             text        not null,
    source_url        text,
    published_at      timestamptz,
    matched_at        timestamptz not null default now(),
    -- set when the item went into the digest of the period ending then
    digest_period_end timestamptz,
    primary key (subscription_id, announcement_id)
);
create index digest_item_waiting on digest_item (subscription_id, matched_at) where digest_period_end is null;

-- One row per (subscription, period): whoever inserts it sends that period's digest, so several instances
-- never send it twice.
create table digest (
    subscription_id uuid        not null references subscription (id),
    period_start    timestamptz not null,
    period_end      timestamptz not null,
    items           int         not null,
    created_at      timestamptz not null default now(),
    primary key (subscription_id, period_end)
);
