import { createPublicKey } from 'node:crypto';
import { OtaError, type Vehicle } from '@ota/campaign-core';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';

export const Vin = Type.String({ pattern: '^[A-HJ-NPR-Z0-9]{17}$', description: 'ISO 3779 VIN' });
const Name = Type.String({ minLength: 1, maxLength: 64 });
const Bus = Type.Union([Type.Literal('CAN'), Type.Literal('CAN_FD'), Type.Literal('LIN'), Type.Literal('ETHERNET')]);

const ReportKey = Type.String({ minLength: 40, maxLength: 400 });

/** A report key must be an ed25519 public key: the gateway verifies every version report with it. */
function checkReportKey(pem: string, vin: string): string {
  try {
    const key = createPublicKey(pem);
    if (key.asymmetricKeyType === 'ed25519') return key.export({ type: 'spki', format: 'pem' }).toString();
  } catch {
    // falls through to the refusal
  }
  throw new OtaError('OTA_ERR_VALIDATION', `reportPublicKey of ${vin} is not an ed25519 public key in PEM`);
}

const Ecu = Type.Object(
  {
    module: Name,
    serial: Type.String({ minLength: 1, maxLength: 64 }),
    hardwareId: Type.String({ minLength: 1, maxLength: 200 }),
    bus: Bus,
    softwareVersion: Type.String({ minLength: 1, maxLength: 64 }),
    calibration: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);

const VehicleBody = Type.Object(
  {
    vin: Vin,
    engineNumber: Type.String({ minLength: 1, maxLength: 64 }),
    chassisNumber: Type.String({ minLength: 1, maxLength: 64 }),
    model: Name,
    region: Name,
    /** IANA time zone, for maintenance windows; UTC when absent. */
    timeZone: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    /** The ed25519 key the vehicle signs its version reports with, SPKI PEM. */
    reportPublicKey: Type.Optional(ReportKey),
    ecus: Type.Array(Ecu, { maxItems: 64 }),
  },
  { additionalProperties: false },
);

const VehicleOut = Type.Object({
  vin: Type.String(),
  engineNumber: Type.String(),
  chassisNumber: Type.String(),
  model: Type.String(),
  region: Type.String(),
  timeZone: Type.Optional(Type.String()),
  lastReportAt: Type.Union([Type.String(), Type.Null()]),
  connected: Type.Boolean(),
  /** The newest root of trust the vehicle reported: it has walked a rotation when this is current. */
  rootVersion: Type.Integer(),
  state: Type.Union([Type.Object({ batteryPct: Type.Integer(), parked: Type.Boolean(), ignitionOn: Type.Boolean() }), Type.Null()]),
  reportPublicKey: Type.Optional(Type.String()),
  ecus: Type.Array(
    Type.Object({
      module: Type.String(),
      serial: Type.String(),
      hardwareId: Type.String(),
      bus: Type.String(),
      softwareVersion: Type.String(),
      calibration: Type.String(),
      releaseCounter: Type.Integer(),
    }),
  ),
});

/** Time zones found valid: a fleet has a handful, and each check builds a formatter (~0.2 ms). Only IANA names get in. */
const validTimeZones = new Set<string>();

function isTimeZone(tz: string): boolean {
  if (validTimeZones.has(tz)) return true;
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: tz });
    validTimeZones.add(tz);
    return true;
  } catch {
    return false;
  }
}

/** Manufacturing data in, vehicles with their ECUs out. */
export const vehicleRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/import',
    {
      schema: {
        body: Type.Object({ vehicles: Type.Array(VehicleBody, { minItems: 1, maxItems: 10_000 }) }, { additionalProperties: false }),
        response: { 200: Type.Object({ created: Type.Integer(), updated: Type.Integer() }) },
      },
    },
    async (request) => {
      const vehicles: Vehicle[] = request.body.vehicles.map((v) => ({
        ...v,
        ...(v.reportPublicKey ? { reportPublicKey: checkReportKey(v.reportPublicKey, v.vin) } : {}),
        ecus: v.ecus.map((e) => ({ ...e, calibration: e.calibration ?? '' })),
      }));
      const serials = new Set<string>();
      for (const v of vehicles) {
        if (v.timeZone && !isTimeZone(v.timeZone)) throw new OtaError('OTA_ERR_VALIDATION', `unknown time zone "${v.timeZone}" for ${v.vin}`);
        for (const e of v.ecus) {
          const key = `${v.vin}/${e.serial}`;
          if (serials.has(key)) throw new OtaError('OTA_ERR_VALIDATION', `ECU serial ${e.serial} repeated in ${v.vin}`);
          serials.add(key);
        }
      }
      return app.ota.repos.vehicles.importVehicles(vehicles, request.actor);
    },
  );

  // Provisioning, for the manufacturing line: a client certificate (CN = VIN) from the fleet CA, recorded
  // so it can be revoked, and root version 1 to install as the vehicle's trust anchor. With `csr` (a PKCS#10
  // request, PEM, ECDSA P-256) the certificate is for the key the vehicle made and keeps; without it the
  // gateway makes the key pair and the private key travels in the answer (`keyPem`): then run this over
  // TLS, from the line only. With `reportPublicKey`, also registers the key the vehicle signs its reports with.
  app.post(
    '/:vin/certificate',
    {
      schema: {
        params: Type.Object({ vin: Vin }),
        body: Type.Optional(
          Type.Object({ reportPublicKey: Type.Optional(ReportKey), csr: Type.Optional(Type.String({ minLength: 1, maxLength: 8192 })) }, { additionalProperties: false }),
        ),
      },
    },
    async (request, reply) => {
      if (!app.ota.provisioning) throw new OtaError('OTA_ERR_NOT_FOUND', 'provisioning is not enabled on this gateway');
      const { vin } = request.params;
      const reportKey = request.body?.reportPublicKey;
      if (!(await app.ota.repos.vehicles.reportKeyOf(vin)).known) throw new OtaError('OTA_ERR_VEHICLE_NOT_FOUND', `no vehicle ${vin}: import its manufacturing data first`);
      // Checked before anything is kept: a request refused later must not leave a new report key behind.
      const checkedKey = reportKey ? checkReportKey(reportKey, vin) : undefined;
      const issued = await app.ota.provisioning.issue(vin, request.actor, request.body?.csr);
      if (checkedKey && !(await app.ota.repos.vehicles.setReportKey(vin, checkedKey, request.actor))) {
        throw new OtaError('OTA_ERR_VEHICLE_NOT_FOUND', `no vehicle ${vin}: import its manufacturing data first`);
      }
      return reply.status(201).send(issued);
    },
  );

  // Revokes every certificate of the vehicle: new TLS handshakes fail, live connections are closed.
  app.post(
    '/:vin/revoke',
    {
      schema: {
        params: Type.Object({ vin: Vin }),
        body: Type.Object({ reason: Type.String({ minLength: 1, maxLength: 1000 }) }, { additionalProperties: false }),
      },
    },
    async (request) => {
      if (!app.ota.provisioning) throw new OtaError('OTA_ERR_NOT_FOUND', 'provisioning is not enabled on this gateway');
      return { revoked: await app.ota.provisioning.revoke(request.params.vin, request.body.reason, request.actor) };
    },
  );

  app.get(
    '/:vin',
    { schema: { params: Type.Object({ vin: Vin }), response: { 200: VehicleOut } } },
    async (request) => {
      const vehicle = await app.ota.repos.vehicles.getVehicle(request.params.vin);
      if (!vehicle) throw new OtaError('OTA_ERR_VEHICLE_NOT_FOUND', `no vehicle ${request.params.vin}`);
      return { ...vehicle, lastReportAt: vehicle.lastReportAt?.toISOString() ?? null };
    },
  );
};
