import { describe, expect, it } from 'vitest';
import { MAX_CHUNK_SIZE, PAYLOAD_TYPES, anchorRoot, isRootRefusal, ota, signToBytes, type TrustedRoot } from '@ota/proto';
import type { EcuRecord } from './fleet-data.js';
import { checkManifest } from './manifest-check.js';
import { openOffer } from './offer-check.js';
import { ReplayGuard } from './replay-guard.js';
import { TestAuthority, newKey, sha256, testImage, type TargetSpec } from './testing/test-authority.js';

const C = ota.v1.ResultCode;
const VIN = '1M8GDM9AXKP042788';
const NOW = 1_700_000_000_000;
const ecu: EcuRecord = { module: 'bcm', serial: 'BCM-1', hardwareId: 'BCM-H2', bus: 'CAN', softwareVersion: '1.4.2', calibration: '', releaseCounter: 3 };
const authority = new TestAuthority(NOW + 3_600_000);
const root = anchorRoot(authority.trustRoot) as TrustedRoot;
const image = testImage(2500, 1000);
const spec: TargetSpec = { ecu, image, version: '1.5.0', releaseCounter: 4 };

const replay = new ReplayGuard();
const nonce = replay.freshNonce();

function manifest(over: ota.v1.IUpdateManifest = {}, target: Partial<TargetSpec> = {}): ota.v1.IUpdateManifest {
  return { executionId: 'exec-1', vin: VIN, expiresAtMs: NOW + 60_000, nonce, targets: [authority.target({ ...spec, ...target })], ...over };
}

/** Both pure steps, as the vehicle runs them (without the redelivery check between them). */
function check(offer: Uint8Array) {
  const opened = openOffer(offer, root, NOW);
  if (!opened.ok) return opened;
  return checkManifest(opened.manifest, { vin: VIN, ecus: [ecu], replay }, opened.root, NOW);
}

describe('openOffer and checkManifest', () => {
  it('accepts a manifest signed by the director, for this vehicle and ECU, with a signed release entry', () => {
    const verdict = check(authority.offer(manifest()));
    expect(verdict).toMatchObject({ ok: true, targets: [{ ecu, image: { imageSize: 2500, chunkSize: 1000 }, release: { version: '1.5.0', releaseCounter: 4 } }] });
  });

  it('refuses each way a manifest can be wrong, with its own result code', () => {
    const stranger = newKey();
    const signed = ota.v1.UpdateOffer.decode(authority.offer(manifest()));
    const flipped = Buffer.from(signed.manifest!.payload!);
    flipped[flipped.length - 1]! ^= 1;
    const tampered = ota.v1.UpdateOffer.encode({ manifest: { ...signed.manifest, payload: flipped } }).finish();
    const cases: [string, Uint8Array, ota.v1.ResultCode][] = [
      ['unknown key', authority.offer(manifest(), { signers: [stranger.privateKey] }), C.UNKNOWN_KEY],
      ['payload changed after signing', tampered, C.SIGNATURE_INVALID],
      ['garbage', Buffer.from('not a protobuf at all'), C.VERIFICATION_FAILED],
      ['no manifest', ota.v1.UpdateOffer.encode({}).finish(), C.VERIFICATION_FAILED],
      ['another VIN', authority.offer(manifest({ vin: '11111111111111111' })), C.VIN_MISMATCH],
      ['expired', authority.offer(manifest({ expiresAtMs: NOW })), C.METADATA_EXPIRED],
      ['old nonce', authority.offer(manifest({ nonce: Buffer.alloc(16) })), C.NONCE_MISMATCH],
      ['no nonce', authority.offer(manifest({ nonce: Buffer.alloc(0) })), C.NONCE_MISMATCH],
      ['unknown ECU', authority.offer(manifest({}, { target: { ecuSerial: 'BCM-9' } })), C.ECU_NOT_FOUND],
      ['serial of another module', authority.offer(manifest({}, { target: { ecuModule: 'seat' } })), C.ECU_NOT_FOUND],
      ['no target', authority.offer(manifest({ targets: [] })), C.VERIFICATION_FAILED],
      ['an ECU twice', authority.offer(manifest({ targets: [authority.target(spec), authority.target(spec)] })), C.VERIFICATION_FAILED],
      ['release by the director key', authority.offer(manifest({}, { releaseSigner: authority.directorKey.privateKey })), C.UNKNOWN_KEY],
      ['release expired', authority.offer(manifest({}, { release: { expiresAtMs: NOW } })), C.METADATA_EXPIRED],
      ['director lists other hardware', authority.offer(manifest({}, { target: { hardwareIds: ['BCM-H1'] } })), C.HARDWARE_ID_MISMATCH],
      ['release lists other hardware', authority.offer(manifest({}, { release: { hardwareIds: ['BCM-H1'] } })), C.HARDWARE_ID_MISMATCH],
      ['digests differ', authority.offer(manifest({}, { target: { imageSha256: sha256(Buffer.from('x')) } })), C.TARGETS_DISAGREE],
      ['lengths differ', authority.offer(manifest({}, { target: { imageSize: 2499 } })), C.TARGETS_DISAGREE],
      ['counters differ', authority.offer(manifest({}, { target: { releaseCounter: 5 } })), C.TARGETS_DISAGREE],
      ['versions differ', authority.offer(manifest({}, { target: { version: '1.5.1' } })), C.TARGETS_DISAGREE],
      ['lower release counter', authority.offer(manifest({}, { releaseCounter: 2 })), C.ROLLBACK_DETECTED],
      ['hash list too short', authority.offer(manifest({}, { release: { chunkSha256: image.chunks.slice(1).map(sha256) } })), C.VERIFICATION_FAILED],
      ['chunk size too large', authority.offer(manifest({}, { image: { ...image, chunkSize: MAX_CHUNK_SIZE + 1 } })), C.VERIFICATION_FAILED],
      ['empty image', authority.offer(manifest({}, { image: { ...image, bytes: Buffer.alloc(0), chunks: [] } })), C.VERIFICATION_FAILED],
      ['image digest not 32 bytes', authority.offer(manifest({}, { image: { ...image, sha256: Buffer.alloc(31) } })), C.VERIFICATION_FAILED],
    ];
    for (const [name, offer, code] of cases) {
      expect({ name, verdict: check(offer) }).toMatchObject({ name, verdict: { ok: false, code } });
    }
  });

  it('accepts a lower release counter when the signed manifest says rollback, whatever the semver says', () => {
    expect(check(authority.offer(manifest({ rollback: true }, { releaseCounter: 2, version: '9.0.0' })))).toMatchObject({ ok: true });
    expect(check(authority.offer(manifest({}, { releaseCounter: 3, version: '1.0.0' })))).toMatchObject({ ok: true });
  });

  it('refuses a counter it accepted before, and says whether a refusal used the counter up', () => {
    const offer = authority.offer(manifest({ counter: 77 }));
    expect(check(offer)).toMatchObject({ ok: true });
    replay.useCounter(77);
    expect(check(offer)).toMatchObject({ ok: false, code: C.NONCE_MISMATCH });
    expect(check(authority.offer(manifest({ vin: 'X' })))).toMatchObject({ counterConsumed: false });
    expect(check(authority.offer(manifest({}, { target: { hardwareIds: [] } })))).toMatchObject({ counterConsumed: true, ecus: [ecu] });
  });

  it('checks the signature before it decodes the payload, and the payload type', () => {
    const garbage = (key = authority.directorKey.privateKey, type: string = PAYLOAD_TYPES.manifest) =>
      ota.v1.UpdateOffer.encode({ manifest: ota.v1.Signed.decode(signToBytes(type, Buffer.from([0xff, 0xff, 0xff]), key)) }).finish();
    expect(check(garbage(newKey().privateKey))).toMatchObject({ ok: false, code: C.UNKNOWN_KEY });
    expect(check(garbage())).toMatchObject({ ok: false, code: C.VERIFICATION_FAILED });
    expect(check(garbage(authority.directorKey.privateKey, 'ota.v1.Something'))).toMatchObject({ ok: false, code: C.VERIFICATION_FAILED });
  });

  it('adopts a root that chains even when the manifest then fails, and refuses an expired newest root', () => {
    const rotated = new TestAuthority(NOW + 3_600_000);
    const v1 = anchorRoot(rotated.trustRoot);
    if (isRootRefusal(v1)) throw new Error(v1.description);
    rotated.rotate({ director: newKey() });
    const opened = openOffer(rotated.offer(manifest(), { signers: [newKey().privateKey] }), v1, NOW);
    expect(opened).toMatchObject({ ok: false, code: C.UNKNOWN_KEY, root: { version: 2 } });
    expect(openOffer(rotated.offer(manifest()), v1, NOW + 3_600_000)).toMatchObject({ ok: false, code: C.METADATA_EXPIRED, root: null });
  });
});
