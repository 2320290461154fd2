-- Who wants to be told about what, and where.
create table subscription (
    id                    uuid primary key,
    webhook_url           text        not null,
    -- needed in clear to sign every delivery; never logged, shown once at creation
    webhook_secret        text        not null,
    -- empty array = no filter on that dimension
    countries             text[]      not null default '{}',
    kinds                 text[]      not null default '{}',
    keywords              text[]      not null default '{}',
    created_at            timestamptz not null default now(),
    ended_at              timestamptz,
    ended_reason          text,
    -- SHA-256 (hex) of the management token; the token itself is shown once and never stored
    management_token_hash text        not null,
    -- set when the endpoint answered 410 Gone: no more deliveries are made to it
    endpoint_disabled_at  timestamptz
);

create index subscription_active on subscription (created_at) where ended_at is null;

-- The delivery outbox: one row per (subscription, announcement, revision, channel), written in the
-- transaction that consumed the announcement and sent from here by the worker.
create table delivery (
    id               uuid primary key,
    subscription_id  uuid        not null references subscription (id),
    announcement_id  text        not null,
    revision         int         not null,
    channel          text        not null default 'webhook',
    payload          text        not null,
    status           text        not null default 'pending'
        check (status in ('pending', 'sending', 'delivered', 'failed', 'exhausted')),
    attempts         int         not null default 0,
    -- null = never again (delivered, exhausted, or failed for good)
    next_attempt_at  timestamptz,
    lease_until      timestamptz,
    last_status_code int,
    last_error       text,
    created_at       timestamptz not null default now(),
    delivered_at     timestamptz,
    constraint delivery_once unique (subscription_id, announcement_id, revision, channel)
);

-- The worker's due query: waiting rows by due time, and leases of crashed senders.
create index delivery_due on delivery (next_attempt_at) where status in ('pending', 'failed');
create index delivery_lease_expiry on delivery (lease_until) where status = 'sending';
-- "has this subscription been told about this announcement (any revision)?" and the delivery log
create index delivery_by_subscription on delivery (subscription_id, created_at desc);
