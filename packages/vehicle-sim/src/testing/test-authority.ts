import { createHash, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { PAYLOAD_TYPES, encodeRoot, ota, signToBytes } from '@ota/proto';
import type { EcuRecord } from '../fleet-data.js';

export type KeyPair = { publicKey: KeyObject; privateKey: KeyObject };
export const newKey = (): KeyPair => generateKeyPairSync('ed25519');
export const sha256 = (b: Uint8Array): Buffer => createHash('sha256').update(b).digest();

export interface TestImage {
  bytes: Buffer;
  chunkSize: number;
  chunks: Buffer[];
  sha256: Buffer;
}

export function testImage(size: number, chunkSize: number): TestImage {
  const bytes = randomBytes(size);
  const chunks: Buffer[] = [];
  for (let at = 0; at < size; at += chunkSize) chunks.push(bytes.subarray(at, at + chunkSize));
  return { bytes, chunkSize, chunks, sha256: sha256(bytes) };
}

const decodeSigned = (bytes: Uint8Array) => ota.v1.Signed.decode(bytes);

export interface TargetSpec {
  ecu: EcuRecord;
  image: TestImage;
  version: string;
  releaseCounter?: number;
  installOrder?: number;
  /** Fields of the director's target that differ from the release entry. */
  target?: Partial<ota.v1.ITarget>;
  /** Fields of the release entry that differ from the defaults. */
  release?: Partial<ota.v1.IReleaseEntry>;
  /** Who signs the release entry: the release key unless given. */
  releaseSigner?: KeyObject;
}

/**
 * The vehicle's view of a correct gateway and its key holders: a root of trust with root, release and
 * director keys; release entries signed by the release key; per-vehicle manifests signed by the director
 * key and wrapped in offers, as proto/ota/v1/update.proto describes them.
 */
export class TestAuthority {
  rootKeys: KeyPair[] = [newKey()];
  releaseKey: KeyPair = newKey();
  directorKey: KeyPair = newKey();
  /** Every signed root, version 1 first. */
  readonly roots: Uint8Array[] = [];
  private counter = 0;

  constructor(private readonly expiresAtMs: number) {
    this.roots.push(this.signRoot(1, this.rootKeys.map((k) => k.privateKey)));
  }

  /** Version 1, as installed at manufacturing. */
  get trustRoot(): Uint8Array {
    return this.roots[0]!;
  }

  /**
   * The next root version with some keys replaced, signed by the old and the new root keys (Uptane root
   * rotation) unless `signers` says otherwise.
   */
  rotate(change: { director?: KeyPair; release?: KeyPair; rootKeys?: KeyPair[]; signers?: KeyObject[]; version?: number }): Uint8Array {
    const old = this.rootKeys;
    if (change.director) this.directorKey = change.director;
    if (change.release) this.releaseKey = change.release;
    if (change.rootKeys) this.rootKeys = change.rootKeys;
    const signers = change.signers ?? [...new Set([...old, ...this.rootKeys])].map((k) => k.privateKey);
    const root = this.signRoot(change.version ?? this.roots.length + 1, signers);
    this.roots.push(root);
    return root;
  }

  /** A Signed{ReleaseEntry}, as a release engineer signs it offline. */
  releaseEntry(spec: TargetSpec): ota.v1.ISigned {
    const entry = ota.v1.ReleaseEntry.encode({
      name: `${spec.ecu.module}-${spec.version}`,
      version: spec.version,
      ecuModule: spec.ecu.module,
      hardwareIds: [spec.ecu.hardwareId],
      releaseCounter: spec.releaseCounter ?? 1,
      imageSize: spec.image.bytes.length,
      imageSha256: spec.image.sha256,
      chunkSize: spec.image.chunkSize,
      chunkSha256: spec.image.chunks.map(sha256),
      ...spec.release,
    }).finish();
    return decodeSigned(signToBytes(PAYLOAD_TYPES.release, entry, spec.releaseSigner ?? this.releaseKey.privateKey));
  }

  /** The director's target for one ECU, carrying its signed release entry. */
  target(spec: TargetSpec): ota.v1.ITarget {
    return {
      ecuModule: spec.ecu.module,
      ecuSerial: spec.ecu.serial,
      hardwareIds: [spec.ecu.hardwareId],
      version: spec.version,
      imageSize: spec.image.bytes.length,
      imageSha256: spec.image.sha256,
      chunkSize: spec.image.chunkSize,
      releaseCounter: spec.releaseCounter ?? 1,
      installOrder: spec.installOrder ?? 0,
      release: this.releaseEntry(spec),
      ...spec.target,
    };
  }

  /**
   * An encoded UpdateOffer: the roots after `fromRootVersion` and the manifest signed by the director key
   * (or `signers`). The counter grows with every offer unless the manifest sets one.
   */
  offer(manifest: ota.v1.IUpdateManifest, opts: { signers?: KeyObject[]; fromRootVersion?: number } = {}): Uint8Array {
    const payload = ota.v1.UpdateManifest.encode({ attempt: 1, counter: ++this.counter, ...manifest }).finish();
    const signers = opts.signers ?? [this.directorKey.privateKey];
    return ota.v1.UpdateOffer.encode({
      roots: this.roots.slice(opts.fromRootVersion ?? 1).map(decodeSigned),
      manifest: decodeSigned(signToBytes(PAYLOAD_TYPES.manifest, payload, ...signers)),
    }).finish();
  }

  private signRoot(version: number, signers: KeyObject[]): Uint8Array {
    const payload = encodeRoot({
      version,
      expiresAtMs: this.expiresAtMs,
      root: this.rootKeys.map((k) => k.publicKey),
      release: [this.releaseKey.publicKey],
      director: [this.directorKey.publicKey],
    });
    return signToBytes(PAYLOAD_TYPES.root, payload, ...signers);
  }
}
