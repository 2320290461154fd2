-- SSE channel: a subscription may be read as a stream (GET /api/subscriptions/{id}/stream).
alter table subscription add column sse boolean not null default false;
-- the last sequence number given to one of its sse deliveries: event ids are per subscription and increase
alter table subscription add column sse_last_seq bigint not null default 0;
alter table subscription drop constraint subscription_has_channel;
alter table subscription add constraint subscription_has_channel
    check (webhook_url is not null or email is not null or sse);

-- An sse delivery's event id (Last-Event-ID resumes after it); null for the other channels.
alter table delivery add column sse_seq bigint;
create unique index delivery_sse_seq on delivery (subscription_id, sse_seq) where sse_seq is not null;
