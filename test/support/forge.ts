import { createHash, type KeyObject } from 'node:crypto';
import { randomUUID } from 'node:crypto';
import { PAYLOAD_TYPES, ota, signPayload, signToBytes } from '@ota/proto';
import type { TestGateway } from './test-gateway.js';

/**
 * Offers built by hand, as an attacker (or a broken gateway) would send them: each part signed with the
 * key the test chooses, every field open to change. Delivered through the real broker to the vehicle's
 * downlink, so the vehicle sees exactly what it would see on the wire.
 */
export interface ForgeOptions {
  vin: string;
  ecu: { module: string; serial: string; hardwareId: string };
  version: string;
  image: Buffer;
  chunkSize?: number;
  releaseCounter?: number;
  /** Keys: by default the test gateway's own release and director keys (a "valid" offer). */
  releaseKey?: KeyObject;
  /** By default the test gateway's director key. */
  directorKey?: KeyObject;
  /** Edits after the defaults, before signing. */
  manifest?: (m: ota.v1.IUpdateManifest) => void;
  target?: (t: ota.v1.ITarget) => void;
  release?: (r: ota.v1.IReleaseEntry) => void;
  roots?: Uint8Array[];
  /** Edits of the encoded offer after signing: what a tampering path does. */
  tamper?: (offer: ota.v1.UpdateOffer) => void;
  /** The nonce and counter to echo; by default the vehicle's latest nonce and a counter never used. */
  nonce?: Uint8Array;
  counter?: number;
}

export interface ForgedOffer {
  executionId: string;
  bytes: Uint8Array;
  imageSha256: Buffer;
  chunkHashes: Buffer[];
}

let counters = 1_000_000;

/** The vehicle's latest report nonce, as the gateway stored it. */
export async function latestNonce(t: TestGateway, vin: string): Promise<Buffer> {
  const { rows } = await t.gateway.repos.pool.query<{ report_nonce: Buffer }>('SELECT report_nonce FROM vehicles WHERE vin = $1', [vin]);
  return rows[0]?.report_nonce ?? Buffer.alloc(0);
}

export async function forgeOffer(t: TestGateway, o: ForgeOptions): Promise<ForgedOffer> {
  const chunkSize = o.chunkSize ?? 16 * 1024;
  const chunkHashes: Buffer[] = [];
  for (let off = 0; off < o.image.length; off += chunkSize) chunkHashes.push(createHash('sha256').update(o.image.subarray(off, off + chunkSize)).digest());
  const imageSha256 = createHash('sha256').update(o.image).digest();
  const release: ota.v1.IReleaseEntry = {
    name: `forged ${o.version}`,
    version: o.version,
    ecuModule: o.ecu.module,
    hardwareIds: [o.ecu.hardwareId],
    releaseCounter: o.releaseCounter ?? 50,
    imageSize: o.image.length,
    imageSha256,
    chunkSize,
    chunkSha256: chunkHashes,
  };
  o.release?.(release);
  const target: ota.v1.ITarget = {
    ecuModule: o.ecu.module,
    ecuSerial: o.ecu.serial,
    hardwareIds: [o.ecu.hardwareId],
    version: o.version,
    imageSize: o.image.length,
    imageSha256,
    chunkSize,
    releaseCounter: o.releaseCounter ?? 50,
    installOrder: 0,
    release: signPayload(PAYLOAD_TYPES.release, ota.v1.ReleaseEntry.encode(release).finish(), o.releaseKey ?? t.trust.releaseKey),
  };
  o.target?.(target);
  const executionId = randomUUID();
  const manifest: ota.v1.IUpdateManifest = {
    executionId,
    vin: o.vin,
    expiresAtMs: Date.now() + 3_600_000,
    updateName: 'forged',
    attempt: 1,
    counter: o.counter ?? counters++,
    nonce: o.nonce ?? (await latestNonce(t, o.vin)),
    targets: [target],
  };
  o.manifest?.(manifest);
  const offer = ota.v1.UpdateOffer.create({
    roots: (o.roots ?? []).map((r) => ota.v1.Signed.decode(r)),
    manifest: ota.v1.Signed.decode(signToBytes(PAYLOAD_TYPES.manifest, ota.v1.UpdateManifest.encode(manifest).finish(), o.directorKey ?? t.trust.directorKey)),
  });
  o.tamper?.(offer);
  const bytes = ota.v1.UpdateOffer.encode(offer).finish();
  return { executionId: manifest.executionId ?? executionId, bytes, imageSha256, chunkHashes };
}

/** Delivers an offer to the vehicle through the broker, as the gateway itself would. */
export function deliver(t: TestGateway, vin: string, offer: Uint8Array): Promise<void> {
  return t.gateway.mqtt.send(vin, 'update', offer, 1);
}
