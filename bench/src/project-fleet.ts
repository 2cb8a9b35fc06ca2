/**
 * The only place where the bench knows how the project's vehicles are built and a campaign is driven:
 * vehicles trust root 1 of the gateway's key ceremony, and the bench signs each image's release entry as
 * a release engineer would.
 */
import { randomBytes } from 'node:crypto';
import { SimulatedFleet, generateFleet, type VehicleRecord } from '@ota/vehicle-sim';
import { AdminApiError, type CampaignStatus } from '@ota/rehearsal/admin-client';
import type { BenchPki } from './bench-pki.js';
import { closedLoop } from './closed-loop.js';
import type { ProjectGateway } from './project-gateway.js';

const MODULE = 'bcm';
const HARDWARE = 'BCM-H2';
const FLEET_SEED = 5;

/** The same VINs for every bench and run, so their certificates are issued once. */
export function benchFleet(count: number): VehicleRecord[] {
  return generateFleet({ count, seed: FLEET_SEED });
}

/** Imports the vehicles through the admin API, a thousand per request. */
export async function importFleet(gw: ProjectGateway, records: readonly VehicleRecord[]): Promise<void> {
  for (let i = 0; i < records.length; i += 1000) await gw.api.importVehicles(records.slice(i, i + 1000));
}

export function createFleet(gw: ProjectGateway, records: readonly VehicleRecord[], pki: BenchPki, opts: { chunkWindow?: number } = {}): SimulatedFleet {
  return new SimulatedFleet({
    records,
    gatewayUrl: gw.mqttUrl,
    ca: pki.pki.caCertPem,
    credentialsFor: (vin) => {
      const tls = pki.tlsFor(vin);
      return { cert: tls.cert, key: tls.key };
    },
    trustRoot: gw.trust.root1,
    // Flashing takes simulated time; a bench measures the server, so flashes are near instant.
    timeScale: 0.0001,
    ...(opts.chunkWindow ? { chunkWindow: opts.chunkWindow } : {}),
  });
}

/**
 * Starts every vehicle (connect, subscribe, version report) with at most `concurrency` connecting at once:
 * a closed loop that finds the server's handshake rate, where SimulatedFleet.start() would impose a ramp.
 * `report: false` connects and subscribes only (reportAll sends the reports).
 */
export async function startVehicles(fleet: SimulatedFleet, concurrency: number, opts: { report?: boolean } = {}): Promise<void> {
  await closedLoop(fleet.vehicles.length, concurrency, async (i) => {
    const vehicle = fleet.vehicles[i]!;
    await vehicle.start(opts).catch((err: Error) => {
      throw new Error(`${vehicle.vin}: ${err.message}`);
    });
  });
}

/** Every vehicle publishes its signed version report at once (after startVehicles with `report: false`). */
export async function reportAll(fleet: SimulatedFleet): Promise<void> {
  await Promise.all(fleet.vehicles.map((v) => v.report()));
}

export interface CampaignSpec {
  version: string;
  imageBytes: number;
  ratePerMinute: number;
  maxInFlight: number;
  /** Only these vehicles; the whole imported fleet when absent. */
  vins?: string[];
}

/** Defines an update with a random image and a campaign for it, through the admin API; not started. */
export async function prepareCampaign(gw: ProjectGateway, spec: CampaignSpec): Promise<{ id: string; eligible: number }> {
  const update = await gw.api.createUpdate({ name: `bench ${spec.version}`, version: spec.version, module: MODULE, bus: 'CAN', hardwareIds: [HARDWARE] });
  await gw.api.uploadImage(update.id, randomBytes(spec.imageBytes));
  return gw.api.createCampaign({
    name: `bench ${spec.version}`,
    updateId: update.id,
    ratePerMinute: spec.ratePerMinute,
    maxInFlight: spec.maxInFlight,
    executionTimeoutS: 600,
    consent: 'forced',
    ...(spec.vins ? { target: { vins: spec.vins } } : {}),
  });
}

/** Polls the campaign until nothing is in flight any more; returns the last status. */
export async function followCampaign(gw: ProjectGateway, id: string, timeoutMs: number): Promise<CampaignStatus> {
  const started = Date.now();
  for (;;) {
    const status = await gw.api.campaignStatus(id);
    if (status.campaign.state !== 'running' && inFlight(status) === 0) return status;
    if (Date.now() - started > timeoutMs) throw new Error(`campaign ${id} still ${status.campaign.state} after ${timeoutMs} ms: ${JSON.stringify(status.counts)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Polls until `count` vehicles have had an offer; returns the status then. */
export async function waitForOffers(gw: ProjectGateway, id: string, count: number, timeoutMs: number): Promise<CampaignStatus> {
  const started = Date.now();
  for (;;) {
    const status = await gw.api.campaignStatus(id);
    if (status.offered >= count) return status;
    if (Date.now() - started > timeoutMs) throw new Error(`campaign ${id}: ${status.offered} of ${count} offered after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/**
 * Cancels a campaign and waits, at most `timeoutMs`, for its vehicles to leave flight; false if they did not.
 * A small fleet may have finished the campaign before the cancel: that counts as settled.
 */
export async function cancelAndSettle(gw: ProjectGateway, id: string, timeoutMs: number): Promise<boolean> {
  try {
    await gw.api.cancelCampaign(id, 'bench: measured');
  } catch (err) {
    const finished = err instanceof AdminApiError && err.code === 'OTA_ERR_CAMPAIGN_STATE' && (await gw.api.campaignStatus(id)).campaign.state === 'completed';
    if (!finished) throw err;
  }
  return followCampaign(gw, id, timeoutMs).then(
    () => true,
    () => false,
  );
}

function inFlight(status: CampaignStatus): number {
  return ['offered', 'downloading', 'installing', 'installed'].reduce((n, s) => n + (status.counts[s] ?? 0), 0);
}
