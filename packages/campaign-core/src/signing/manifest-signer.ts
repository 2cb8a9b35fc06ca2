import type { KeyObject } from 'node:crypto';
import { MANIFEST_PAYLOAD_TYPE, ota, signPayload } from '@ota/proto';
import type { StoredImage } from '../domain/types.js';

export interface ManifestInput {
  executionId: string;
  /** 1 for the first offer; retries count up, so the vehicle can tell a retry from a redelivery. */
  attempt: number;
  /** Signed intent to go back to an older version (a rollback campaign). */
  rollback?: boolean;
  /** Ask the driver before installing. */
  consentRequired?: boolean;
  vin: string;
  updateName: string;
  version: string;
  ecuModule: string;
  ecuSerial: string;
  hardwareIds: readonly string[];
  image: StoredImage;
}

/** An offer stays valid this long: enough for a vehicle that is parked overnight, short against freeze attacks. */
export const MANIFEST_TTL_MS = 24 * 60 * 60 * 1000;

/**
 * Signs per-vehicle update manifests with the online (director) key. The signature covers the image length,
 * its sha256 and every chunk hash, so the vehicle needs nothing else it has to trust.
 */
export class ManifestSigner {
  constructor(
    private readonly privateKey: KeyObject,
    private readonly ttlMs = MANIFEST_TTL_MS,
  ) {}

  /** The encoded `Signed` envelope, ready to publish. */
  sign(input: ManifestInput, now: Date): Uint8Array {
    const manifest = ota.v1.UpdateManifest.encode({
      executionId: input.executionId,
      vin: input.vin,
      expiresAtMs: now.getTime() + this.ttlMs,
      updateName: input.updateName,
      attempt: input.attempt,
      rollback: input.rollback ?? false,
      consentRequired: input.consentRequired ?? false,
      target: {
        ecuModule: input.ecuModule,
        ecuSerial: input.ecuSerial,
        hardwareIds: [...input.hardwareIds],
        version: input.version,
        imageSize: input.image.size,
        imageSha256: input.image.sha256,
        chunkSize: input.image.chunkSize,
        chunkSha256: input.image.chunkHashes,
      },
    }).finish();
    return ota.v1.Signed.encode(signPayload(MANIFEST_PAYLOAD_TYPE, manifest, this.privateKey)).finish();
  }
}
