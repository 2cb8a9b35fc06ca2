-- Vehicles as manufacturing delivers them, and their ECUs as the vehicles last reported them.
CREATE TABLE vehicles (
  vin             text PRIMARY KEY CHECK (vin ~ '^[A-HJ-NPR-Z0-9]{17}$'),
  engine_number   text NOT NULL,
  chassis_number  text NOT NULL,
  model           text NOT NULL,
  region          text NOT NULL,
  created_at      timestamptz NOT NULL,
  last_report_at  timestamptz,
  report_counter  bigint NOT NULL DEFAULT 0
);

CREATE TABLE ecus (
  vin               text NOT NULL REFERENCES vehicles (vin) ON DELETE CASCADE,
  serial            text NOT NULL,
  module            text NOT NULL,
  hardware_id       text NOT NULL,
  bus               text NOT NULL CHECK (bus IN ('CAN', 'CAN_FD', 'LIN', 'ETHERNET')),
  software_version  text NOT NULL,
  calibration       text NOT NULL DEFAULT '',
  updated_at        timestamptz NOT NULL,
  PRIMARY KEY (vin, serial)
);
CREATE INDEX ecus_module_idx ON ecus (module);

-- A software update for one ECU module, and its stored image.
CREATE TABLE updates (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name               text NOT NULL,
  version            text NOT NULL,
  module             text NOT NULL,
  bus                text NOT NULL CHECK (bus IN ('CAN', 'CAN_FD', 'LIN', 'ETHERNET')),
  hardware_ids       text[] NOT NULL,
  vehicle_models     text[] NOT NULL DEFAULT '{}',
  image_sha256       bytea,
  image_size         bigint,
  chunk_size         integer,
  chunk_hashes       bytea,           -- 32 bytes per chunk, in order
  created_at         timestamptz NOT NULL,
  uploaded_at        timestamptz,
  UNIQUE (module, version)
);

CREATE TABLE campaigns (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  name                text NOT NULL,
  update_id           uuid NOT NULL REFERENCES updates (id),
  state               text NOT NULL,
  rate_per_minute     integer NOT NULL CHECK (rate_per_minute > 0),
  max_in_flight       integer NOT NULL CHECK (max_in_flight > 0),
  execution_timeout_s integer NOT NULL CHECK (execution_timeout_s > 0),
  created_by          text NOT NULL,
  created_at          timestamptz NOT NULL,
  started_at          timestamptz,
  finished_at         timestamptz
);

-- One execution per vehicle and campaign.
CREATE TABLE executions (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  campaign_id   uuid NOT NULL REFERENCES campaigns (id),
  vin           text NOT NULL REFERENCES vehicles (vin),
  ecu_serial    text NOT NULL,
  from_version  text NOT NULL,
  state         text NOT NULL,
  attempts      integer NOT NULL DEFAULT 0,
  result_code   text,
  result_detail text,
  bytes_sent    bigint NOT NULL DEFAULT 0,
  created_at    timestamptz NOT NULL,
  updated_at    timestamptz NOT NULL,
  offered_at    timestamptz,
  finished_at   timestamptz,
  UNIQUE (campaign_id, vin)
);
CREATE INDEX executions_campaign_state_idx ON executions (campaign_id, state);
CREATE INDEX executions_vin_idx ON executions (vin);

-- Every state an execution entered, with when.
CREATE TABLE execution_transitions (
  id            bigserial PRIMARY KEY,
  execution_id  uuid NOT NULL REFERENCES executions (id),
  from_state    text NOT NULL,
  to_state      text NOT NULL,
  at            timestamptz NOT NULL,
  detail        text
);
CREATE INDEX execution_transitions_execution_idx ON execution_transitions (execution_id);

-- Who did what. Append-only: the trigger below refuses updates and deletes.
CREATE TABLE audit_log (
  id           bigserial PRIMARY KEY,
  at           timestamptz NOT NULL,
  actor        text NOT NULL,
  action       text NOT NULL,
  entity_type  text NOT NULL,
  entity_id    text NOT NULL,
  before       jsonb,
  after        jsonb,
  reason       text
);
CREATE INDEX audit_log_entity_idx ON audit_log (entity_type, entity_id);
CREATE INDEX audit_log_actor_idx ON audit_log (actor);

CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END $$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
