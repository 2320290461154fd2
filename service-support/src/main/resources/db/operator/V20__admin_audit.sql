-- Every admin action (who, what, on what, with which parameters, how it ended): written by service-support AdminAudit.
create table admin_audit (
    id          bigserial primary key,
    at          timestamptz not null,
    operator    text        not null,
    action      text        not null,
    target      text,
    parameters  text,
    status      integer     not null,
    result      text,
    duration_ms bigint      not null default 0
);
create index admin_audit_action_idx on admin_audit (action, id desc);
