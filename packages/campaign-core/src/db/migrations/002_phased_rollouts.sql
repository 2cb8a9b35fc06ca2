-- Phased rollouts: the plan and thresholds per campaign, the phase of each execution, why a campaign paused.
ALTER TABLE campaigns
  ADD COLUMN rollout jsonb NOT NULL
    DEFAULT '{"phases":[{"size":{"percent":100},"approval":"auto"}],"successThreshold":0.9,"errorShare":0.1,"errorCount":null}',
  ADD COLUMN current_phase integer NOT NULL DEFAULT 0,
  ADD COLUMN awaiting_approval integer,
  ADD COLUMN pause_reason jsonb,
  ADD COLUMN paused_at timestamptz;

ALTER TABLE executions
  ADD COLUMN phase integer NOT NULL DEFAULT 0,
  -- an operator set this failure aside when resuming: it no longer counts against the thresholds
  ADD COLUMN acknowledged boolean NOT NULL DEFAULT false;

CREATE INDEX executions_campaign_phase_idx ON executions (campaign_id, phase, state);
