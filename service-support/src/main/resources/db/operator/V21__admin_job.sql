-- Operator jobs (service-support AdminJobs): a row per job, claimed by one instance at a time, resumed after
-- its checkpoint when its owner stops sending heartbeats.
create table admin_job (
    id           text primary key,
    kind         text        not null,
    state        text        not null check (state in ('queued', 'running', 'done', 'failed', 'cancelled')),
    dry_run      boolean     not null default false,
    parameters   jsonb       not null,
    created_by   text        not null,
    created_at   timestamptz not null,
    started_at   timestamptz,
    finished_at  timestamptz,
    updated_at   timestamptz not null,
    owner        text,
    heartbeat_at timestamptz,
    total        bigint      not null default 0,
    scanned      bigint      not null default 0,
    changed      bigint      not null default 0,
    unchanged    bigint      not null default 0,
    failed       bigint      not null default 0,
    checkpoint   text,
    report       jsonb,
    error        text
);
create index admin_job_claim_idx on admin_job (kind, state, created_at);
