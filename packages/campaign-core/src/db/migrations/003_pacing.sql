-- Exponential ramp of the dispatch rate: {"startPerMinute", "factor", "everySuccesses"}, or null.
ALTER TABLE campaigns ADD COLUMN ramp jsonb;
