import { PAYLOAD_TYPES, ota, signPayload } from '@ota/proto';
import type { StoredImage } from '../domain/types.js';
import type { TrustRepo } from '../db/trust-repo.js';
import type { DirectorKeys } from './director-keys.js';

export interface OfferTarget {
  ecuModule: string;
  ecuSerial: string;
  hardwareIds: readonly string[];
  version: string;
  releaseCounter: number;
  installOrder: number;
  image: StoredImage;
  /** Signed{ReleaseEntry}, passed on exactly as the release key signed it. */
  releaseEnvelope: Uint8Array;
}

export interface Preconditions {
  minBatteryPct?: number;
  requireParked?: boolean;
  requireIgnitionOff?: boolean;
}

export interface DownloadPolicy {
  /** Slowest tolerated download, bytes per second; 0 or absent: no minimum. */
  minBytesPerS?: number;
  /** Span over which the rate is judged, ms. */
  slowGraceMs?: number;
}

export interface ManifestInput {
  executionId: string;
  /** 1 for the first offer; retries count up, so the vehicle can tell a retry from a redelivery. */
  attempt: number;
  /** Signed intent to go back to a lower release counter (a rollback campaign). */
  rollback?: boolean;
  /** Ask the driver before installing. */
  consentRequired?: boolean;
  vin: string;
  updateName: string;
  /** This VIN's manifest counter, one more than the last manifest signed for it. */
  counter: number;
  /** The nonce of the vehicle's latest version report. */
  nonce: Uint8Array;
  /** The root version the vehicle last reported: the offer carries the roots after it. */
  vehicleRootVersion: number;
  targets: readonly OfferTarget[];
  preconditions?: Preconditions | null;
  download?: DownloadPolicy | null;
  chunkWindow?: number;
}

/** An offer stays valid this long: enough for a vehicle that is parked overnight, short against freeze attacks. */
export const MANIFEST_TTL_MS = 24 * 60 * 60 * 1000;
const DEFAULT_SLOW_GRACE_MS = 10_000;

/**
 * Builds offers: the per-vehicle manifest (Uptane director metadata) signed with the current director key,
 * wrapped with the roots the vehicle has not walked yet. Each target carries its release entry as the
 * offline release key signed it, so the vehicle checks both roles and that they agree.
 */
export class ManifestSigner {
  constructor(
    private readonly director: DirectorKeys,
    private readonly trust: TrustRepo,
    private readonly ttlMs = MANIFEST_TTL_MS,
  ) {}

  /** The encoded UpdateOffer, ready to publish. */
  async sign(input: ManifestInput, now: Date): Promise<Uint8Array> {
    const key = await this.director.current(now.getTime());
    const manifest = ota.v1.UpdateManifest.encode({
      executionId: input.executionId,
      vin: input.vin,
      expiresAtMs: now.getTime() + this.ttlMs,
      updateName: input.updateName,
      attempt: input.attempt,
      rollback: input.rollback ?? false,
      consentRequired: input.consentRequired ?? false,
      counter: input.counter,
      nonce: input.nonce,
      targets: input.targets.map((t) => ({
        ecuModule: t.ecuModule,
        ecuSerial: t.ecuSerial,
        hardwareIds: [...t.hardwareIds],
        version: t.version,
        imageSize: t.image.size,
        imageSha256: t.image.sha256,
        chunkSize: t.image.chunkSize,
        releaseCounter: t.releaseCounter,
        installOrder: t.installOrder,
        release: ota.v1.Signed.decode(t.releaseEnvelope),
      })),
      ...(input.preconditions ? { preconditions: input.preconditions } : {}),
      download: {
        chunkWindow: input.chunkWindow ?? 0,
        minBytesPerS: input.download?.minBytesPerS ?? 0,
        slowGraceMs: input.download?.slowGraceMs ?? (input.download?.minBytesPerS ? DEFAULT_SLOW_GRACE_MS : 0),
      },
    }).finish();
    const roots = key.root.version > input.vehicleRootVersion ? await this.trust.after(input.vehicleRootVersion) : [];
    return ota.v1.UpdateOffer.encode({
      roots: roots.map((r) => ota.v1.Signed.decode(r)),
      manifest: signPayload(PAYLOAD_TYPES.manifest, manifest, key.privateKey),
    }).finish();
  }
}
