import type { KeyObject } from 'node:crypto';
import { latestReleaseExpiry, signReleaseEntryFor, toManufacturingImport, type ManufacturingRecord } from '@ota/gateway';

export type { ManufacturingRecord };

/**
 * The admin API as an operator's script sees it: plain HTTP with a bearer token. The rehearsal drives the
 * gateway only through this, so a rehearsal exercises exactly what operators use.
 */
export class AdminApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(`${status} ${code}: ${message}`);
  }
}

export interface CampaignStatus {
  campaign: {
    id: string;
    state: string;
    currentPhase: number;
    pauseReason: { threshold: string; message: string } | null;
    startedAt: string | null;
    finishedAt: string | null;
  };
  counts: Record<string, number>;
  total: number;
  offered: number;
  phases: { size: number; succeeded: number; failed: number; active: number }[];
  done: boolean;
  bytesSent: number;
}

export interface AdminClientOptions {
  /**
   * The release key, for scripts that play the release engineer too (rehearsals, tests): uploadImage then
   * signs the update's release entry with it, as `pnpm trust sign-release` does. Operators leave it out.
   */
  releaseKey?: KeyObject;
}

export class AdminClient {
  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
    private readonly opts: AdminClientOptions = {},
  ) {}

  importVehicles(vehicles: readonly ManufacturingRecord[]): Promise<{ created: number; updated: number }> {
    return this.json('POST', '/v1/vehicles/import', { vehicles: vehicles.map(toManufacturingImport) });
  }

  getVehicle(vin: string): Promise<{
    vin: string;
    connected: boolean;
    lastReportAt: string | null;
    rootVersion: number;
    ecus: { module: string; serial: string; softwareVersion: string; releaseCounter: number }[];
  }> {
    return this.json('GET', `/v1/vehicles/${vin}`);
  }

  createUpdate(body: {
    name: string;
    version: string;
    module: string;
    bus: string;
    hardwareIds: string[];
    vehicleModels?: string[];
    releaseCounter?: number;
    requires?: { module: string; range: string }[];
  }): Promise<{ id: string; version: string; releaseCounter: number }> {
    return this.json('POST', '/v1/updates', body);
  }

  /** Uploads the image and, with a release key, signs and uploads its release entry. */
  async uploadImage(updateId: string, image: Uint8Array): Promise<{ image: { sha256: string; size: number }; released: boolean }> {
    const uploaded = await this.json<{ image: { sha256: string; size: number }; released: boolean }>('PUT', `/v1/updates/${updateId}/image`, image);
    if (!this.opts.releaseKey) return uploaded;
    return this.signRelease(updateId, image, this.opts.releaseKey);
  }

  /**
   * What `pnpm trust sign-release` does without pins: fetch the release entry, check it describes `image`
   * exactly and expires within the default lifetime, sign it offline, upload the envelope. Throws
   * ReleaseEntryMismatch when the gateway describes anything else.
   */
  async signRelease(updateId: string, image: Uint8Array, releaseKey: KeyObject): Promise<{ image: { sha256: string; size: number }; released: boolean }> {
    const entry = await this.bytes('GET', `/v1/updates/${updateId}/release-entry`);
    const signed = await signReleaseEntryFor(entry, image, releaseKey, { expiresAtMostMs: latestReleaseExpiry(Date.now()) });
    return this.json('PUT', `/v1/updates/${updateId}/release`, signed);
  }

  /** Adds the next root of trust (signed offline by the old and the new root keys). */
  addRoot(envelope: Uint8Array): Promise<{ version: number }> {
    return this.json('POST', '/v1/trust/roots', envelope);
  }

  rootOfTrust(version: number): Promise<Uint8Array> {
    return this.bytes('GET', `/v1/trust/roots/${version}`);
  }

  createCampaign(body: {
    name: string;
    updateId: string;
    ratePerMinute?: number;
    maxInFlight?: number;
    executionTimeoutS?: number;
    rollout?: { phases?: string; errorShare?: number; successThreshold?: number; errorCount?: number | null };
    ramp?: { startPerMinute: number; factor: number; everySuccesses: number } | null;
    retry?: { maxAttempts?: number; backoffS?: number; factor?: number };
    target?: { models?: string[]; regions?: string[]; excludeRegions?: string[]; hardwareIds?: string[]; versionRange?: string; vins?: string[] };
    dynamic?: boolean;
    onConflict?: 'refuse' | 'queue';
    priority?: 'critical' | 'high' | 'normal' | 'low';
    consent?: 'forced' | 'required';
    bundle?: string[];
    preconditions?: { minBatteryPct?: number; requireParked?: boolean; requireIgnitionOff?: boolean };
    download?: { minBytesPerS?: number; slowGraceMs?: number };
  }): Promise<{ id: string; eligible: number; phaseSizes: number[] }> {
    return this.json('POST', '/v1/campaigns', body);
  }

  startCampaign(id: string): Promise<{ id: string; state: string }> {
    return this.json('POST', `/v1/campaigns/${id}/start`);
  }

  changePacing(id: string, body: { ratePerMinute?: number; maxInFlight?: number; ramp?: { startPerMinute: number; factor: number; everySuccesses: number } | null }): Promise<{ ratePerMinute: number; maxInFlight: number }> {
    return this.json('PATCH', `/v1/campaigns/${id}/pacing`, body);
  }

  pauseCampaign(id: string, reason: string): Promise<{ id: string; state: string }> {
    return this.json('POST', `/v1/campaigns/${id}/pause`, { reason });
  }

  resumeCampaign(id: string, reason?: string): Promise<{ id: string; state: string }> {
    return this.json('POST', `/v1/campaigns/${id}/resume`, reason ? { reason } : {});
  }

  cancelCampaign(id: string, reason?: string): Promise<{ id: string; state: string }> {
    return this.json('POST', `/v1/campaigns/${id}/cancel`, reason ? { reason } : {});
  }

  rollbackCampaign(id: string, body: { updateId: string; scope?: 'all' | 'failed'; rollout?: { phases?: string } }): Promise<{ id: string; eligible: number; rollbackOf: string }> {
    return this.json('POST', `/v1/campaigns/${id}/rollback`, body);
  }

  campaignStatus(id: string): Promise<CampaignStatus> {
    return this.json('GET', `/v1/campaigns/${id}`);
  }

  private async bytes(method: string, path: string): Promise<Uint8Array> {
    const res = await fetch(this.baseUrl + path, { method, headers: { authorization: `Bearer ${this.token}` } });
    if (!res.ok) {
      const parsed = (await res.json().catch(() => ({}))) as { error?: { code?: string; message?: string } };
      throw new AdminApiError(res.status, parsed.error?.code ?? 'UNKNOWN', parsed.error?.message ?? res.statusText);
    }
    return new Uint8Array(await res.arrayBuffer());
  }

  private async json<T>(method: string, path: string, body?: unknown): Promise<T> {
    const binary = body instanceof Uint8Array;
    const headers: Record<string, string> = { authorization: `Bearer ${this.token}` };
    if (body !== undefined) headers['content-type'] = binary ? 'application/octet-stream' : 'application/json';
    const res = await fetch(this.baseUrl + path, {
      method,
      headers,
      ...(body === undefined ? {} : { body: binary ? new Blob([body as Uint8Array<ArrayBuffer>]) : JSON.stringify(body) }),
    });
    const text = await res.text();
    const parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    if (!res.ok) {
      const err = (parsed.error ?? {}) as { code?: string; message?: string };
      throw new AdminApiError(res.status, err.code ?? 'UNKNOWN', err.message ?? text);
    }
    return parsed as T;
  }
}
