-- Urgency between campaigns: when the fleet-wide in-flight capacity is full, more urgent campaigns go first.
ALTER TABLE campaigns ADD COLUMN priority text NOT NULL DEFAULT 'normal'
  CHECK (priority IN ('critical', 'high', 'normal', 'low'));
CREATE INDEX executions_in_flight_idx ON executions (campaign_id)
  WHERE state IN ('offered', 'downloading', 'installing', 'installed');
