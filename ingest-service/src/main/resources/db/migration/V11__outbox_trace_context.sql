-- The W3C trace context of the request that wrote the event, so that its publication (and what consumers
-- do with it) continues the same trace however long the row waited.
alter table outbox add column traceparent text;
alter table outbox add column tracestate text;
