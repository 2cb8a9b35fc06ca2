import type { KeyObject } from 'node:crypto';
import { keyIdOfPrivate, roleKeys, type TrustedRoot } from '@ota/proto';
import type { TrustRepo } from '../db/trust-repo.js';
import { OtaError } from '../errors.js';

export interface DirectorKey {
  root: TrustedRoot;
  privateKey: KeyObject;
  keyId: string;
}

/**
 * Which online key signs manifests now: one the newest root names for the director role and whose private
 * half this gateway holds. The root is read from Postgres (shared by every gateway) at most once per
 * `cacheMs`, so a rotation reaches every gateway within that time; the key files are read again whenever
 * the root changes.
 */
export class DirectorKeys {
  private cached: { at: number; key: DirectorKey } | null = null;
  /** The read in progress: offers that find the cache stale at once share one read of the chain. */
  private reading: Promise<DirectorKey> | null = null;
  /** Bumped by invalidate(): a read that began before it must not cache what it found. */
  private generation = 0;
  private ring: Map<string, KeyObject> | null = null;
  private ringVersion = 0;

  constructor(
    private readonly trust: TrustRepo,
    private readonly loadPrivateKeys: () => Promise<KeyObject[]>,
    private readonly cacheMs = 1000,
  ) {}

  async current(now = Date.now()): Promise<DirectorKey> {
    if (this.cached && now - this.cached.at < this.cacheMs) return this.cached.key;
    if (!this.reading) this.reading = this.read(now).finally(() => (this.reading = null));
    return this.reading;
  }

  private async read(now: number): Promise<DirectorKey> {
    const generation = this.generation;
    const root = await this.trust.newest();
    if (!root) throw new OtaError('OTA_ERR_NO_ROOT', 'no root of trust: add root version 1 (POST /v1/trust/roots or TRUST_DIR)');
    if (!this.ring || this.ringVersion !== root.version) {
      this.ring = new Map((await this.loadPrivateKeys()).map((k) => [keyIdOfPrivate(k), k]));
      this.ringVersion = root.version;
    }
    const allowed = roleKeys(root, 'director').keys;
    const keyId = [...allowed.keys()].find((id) => this.ring!.has(id));
    if (!keyId) {
      throw new OtaError('OTA_ERR_NO_DIRECTOR_KEY', `root ${root.version} names director keys ${[...allowed.keys()].map((k) => k.slice(0, 12)).join(', ')}; this gateway holds none of them`);
    }
    const key = { root, privateKey: this.ring.get(keyId)!, keyId };
    if (generation === this.generation) this.cached = { at: now, key };
    return key;
  }

  /** Forget the cached root, e.g. right after this process added a new one. */
  invalidate(): void {
    this.cached = null;
    this.reading = null;
    this.generation++;
  }
}
