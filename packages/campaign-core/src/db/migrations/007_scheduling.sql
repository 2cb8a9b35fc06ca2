-- Scheduling: start at a time, stop offering at a time, offer only inside a daily maintenance window
-- evaluated in each vehicle's time zone.
ALTER TABLE vehicles ADD COLUMN time_zone text NOT NULL DEFAULT 'UTC';
ALTER TABLE campaigns
  ADD COLUMN start_at timestamptz,
  ADD COLUMN end_at timestamptz,
  ADD COLUMN maintenance_window jsonb;
