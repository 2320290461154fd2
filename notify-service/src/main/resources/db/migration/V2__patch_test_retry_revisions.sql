-- Opt-in to alerts about revisions of announcements the subscriber was already told about.
alter table subscription add column notify_on_revisions boolean not null default false;
-- Last change through PATCH /api/subscriptions/{id}.
alter table subscription add column updated_at timestamptz;

-- A sample alert sent by POST /api/subscriptions/{id}/test (its announcement_id is 'test_<uuid>').
alter table delivery add column test boolean not null default false;
-- How often an operator or the subscriber re-queued this delivery by hand (POST /api/deliveries/{id}/retry).
alter table delivery add column manual_retries int not null default 0;
