-- Email channel: a subscription has a webhook, an email address, or both.
alter table subscription alter column webhook_url drop not null;
alter table subscription add column email text;
-- double opt-in: nothing but the confirmation is sent to the address before this is set
alter table subscription add column email_confirmed_at timestamptz;
-- SHA-256 (hex) of the confirmation token, which is only ever in the confirmation email
alter table subscription add column email_confirm_token_hash text;
-- in clear: every alert email carries it in its one-click unsubscribe link; it can only end the subscription
alter table subscription add column unsubscribe_token text;
alter table subscription add constraint subscription_has_channel check (webhook_url is not null or email is not null);
