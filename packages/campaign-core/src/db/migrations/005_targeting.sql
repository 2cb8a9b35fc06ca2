-- Target filter (models, regions, hardware, version range, VINs) and dynamic membership of a campaign.
ALTER TABLE campaigns
  ADD COLUMN target jsonb NOT NULL DEFAULT '{}',
  ADD COLUMN dynamic boolean NOT NULL DEFAULT false;
