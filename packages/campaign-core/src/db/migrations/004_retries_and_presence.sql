-- Retries of transient failures, and whether a vehicle is connected (offline vehicles burn no attempts).
ALTER TABLE campaigns ADD COLUMN retry jsonb NOT NULL DEFAULT '{"maxAttempts":3,"backoffS":30,"factor":2}';
ALTER TABLE executions ADD COLUMN next_attempt_at timestamptz;
ALTER TABLE vehicles
  ADD COLUMN connected boolean NOT NULL DEFAULT false,
  ADD COLUMN connected_at timestamptz;
