-- Secret rotation: the secret replaced by the last rotation keeps signing (beside the new one) until then.
alter table subscription add column previous_webhook_secret text;
alter table subscription add column previous_secret_expires_at timestamptz;

-- Endpoint health: when the webhook endpoint started failing every attempt (null = its last attempt succeeded
-- or it has not failed yet), and why it was disabled (410 Gone, or failing for too long).
alter table subscription add column endpoint_failing_since timestamptz;
alter table subscription add column endpoint_disabled_reason text;
