-- W3C trace context of the consumer that created the delivery, so the webhook send continues the announcement's trace.
alter table delivery add column traceparent text;
alter table delivery add column tracestate text;
