-- A per-service, monotonically increasing change number: the SSE stream's event id. Every applied upsert
-- takes the next value, so "change_seq > Last-Event-ID" is exactly what a reconnecting client missed.
create sequence timeline_change_seq;
alter table timeline_entry add column change_seq bigint not null default nextval('timeline_change_seq');
create unique index timeline_entry_change_seq_idx on timeline_entry (change_seq);
