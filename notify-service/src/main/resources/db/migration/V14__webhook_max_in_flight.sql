-- A subscriber's own limit of concurrent webhook requests to its endpoint (null = the service's default,
-- statecraft.delivery.per-endpoint-concurrency); the API accepts 1-8 (NewSubscription.MAX_WEBHOOK_IN_FLIGHT).
alter table subscription add column webhook_max_in_flight int check (webhook_max_in_flight between 1 and 8);
