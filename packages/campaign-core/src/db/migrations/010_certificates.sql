-- Vehicle certificates issued through provisioning, and their revocation.
CREATE TABLE vehicle_certificates (
  serial        text PRIMARY KEY,          -- lowercase hex, as in the certificate
  vin           text NOT NULL REFERENCES vehicles (vin),
  issued_at     timestamptz NOT NULL,
  revoked_at    timestamptz,
  revoke_reason text
);
CREATE INDEX vehicle_certificates_vin_idx ON vehicle_certificates (vin);
