-- Webhooks: per campaign or global, for campaign events (audit actions such as campaign.auto-pause).
CREATE TABLE webhooks (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  url         text NOT NULL,
  secret      text NOT NULL,
  campaign_id uuid REFERENCES campaigns (id),
  events      text[] NOT NULL DEFAULT '{}',   -- empty: every event
  created_by  text NOT NULL,
  created_at  timestamptz NOT NULL
);

-- The outbox and the delivery log in one: a row per event and webhook, written in the transaction of the
-- change itself, then delivered (and retried) by whichever gateway claims it.
CREATE TABLE webhook_deliveries (
  id              bigserial PRIMARY KEY,
  webhook_id      uuid NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
  event           text NOT NULL,
  payload         jsonb NOT NULL,
  status          text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
  attempts        integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL,
  last_status     integer,
  last_error      text,
  delivered_at    timestamptz,
  created_at      timestamptz NOT NULL
);
CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_webhook_idx ON webhook_deliveries (webhook_id, id);
