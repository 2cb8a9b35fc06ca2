-- Issue 4: Uptane-grade trust, multi-ECU bundles, preconditions.

-- The root of trust, every version as signed (Signed{RootMetadata} bytes). Version 1 is what vehicles get
-- at manufacturing; each later one is accepted only when it chains from the one before.
CREATE TABLE trust_roots (
  version     bigint PRIMARY KEY CHECK (version > 0),
  envelope    bytea NOT NULL,
  expires_at  timestamptz,
  added_by    text NOT NULL,
  added_at    timestamptz NOT NULL
);

-- An update's release: its anti-rollback counter, the ECUs it needs first, and the release entry as the
-- offline release key signed it.
ALTER TABLE updates ADD COLUMN release_counter integer NOT NULL DEFAULT 1 CHECK (release_counter >= 0);
ALTER TABLE updates ADD COLUMN requires jsonb NOT NULL DEFAULT '[]';
ALTER TABLE updates ADD COLUMN release_envelope bytea;
ALTER TABLE updates ADD COLUMN released_at timestamptz;

-- The vehicle's report-signing key (registered at provisioning), the freshness state of its reports, and
-- the manifest counter (Uptane director metadata version, one sequence per VIN).
ALTER TABLE vehicles ADD COLUMN report_public_key text;
ALTER TABLE vehicles ADD COLUMN report_nonce bytea;
ALTER TABLE vehicles ADD COLUMN root_version bigint NOT NULL DEFAULT 0;
ALTER TABLE vehicles ADD COLUMN manifest_counter bigint NOT NULL DEFAULT 0;
ALTER TABLE vehicles ADD COLUMN state jsonb;
ALTER TABLE ecus ADD COLUMN release_counter integer NOT NULL DEFAULT 0;

-- Bundles: the updates a campaign installs together besides its main one, and per execution the ECUs it
-- flashes, in install order.
ALTER TABLE campaigns ADD COLUMN bundle uuid[] NOT NULL DEFAULT '{}';
ALTER TABLE campaigns ADD COLUMN preconditions jsonb;
ALTER TABLE campaigns ADD COLUMN download jsonb;

CREATE TABLE execution_targets (
  execution_id   uuid NOT NULL REFERENCES executions (id),
  update_id      uuid NOT NULL REFERENCES updates (id),
  ecu_serial     text NOT NULL,
  from_version   text NOT NULL,
  install_order  integer NOT NULL,
  PRIMARY KEY (execution_id, ecu_serial)
);

-- Executions from before bundles flash their campaign's one update on their one ECU.
INSERT INTO execution_targets (execution_id, update_id, ecu_serial, from_version, install_order)
SELECT e.id, c.update_id, e.ecu_serial, e.from_version, 0 FROM executions e JOIN campaigns c ON c.id = e.campaign_id;
