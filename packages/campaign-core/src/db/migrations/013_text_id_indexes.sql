-- Lookups by id compare `id::text = $1`, so that an id a vehicle sends that is not a UUID finds nothing
-- instead of raising an error. Without an index on that expression each lookup was a sequential scan:
-- a dozen scans of every execution per vehicle, quadratic over a campaign (measured: 12,077 scans reading
-- 12 million rows for 1,000 vehicles).
CREATE INDEX executions_id_text_idx ON executions ((id::text));
CREATE INDEX executions_campaign_text_idx ON executions ((campaign_id::text), state);
CREATE INDEX execution_targets_execution_text_idx ON execution_targets ((execution_id::text));
