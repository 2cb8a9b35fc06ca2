-- Rollback campaigns (re-flash an older version on another campaign's vehicles), and campaigns that wait
-- behind another one on the same ECU instead of being refused.
ALTER TABLE campaigns
  ADD COLUMN rollback_of uuid REFERENCES campaigns (id),
  ADD COLUMN on_conflict text NOT NULL DEFAULT 'refuse' CHECK (on_conflict IN ('refuse', 'queue'));
