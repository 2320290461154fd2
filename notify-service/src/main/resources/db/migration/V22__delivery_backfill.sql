-- Deliveries an operator's backfill created (POST /admin/subscriptions/{id}/backfill), told apart from live ones.
alter table delivery add column backfill boolean not null default false;
