import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MANIFEST_PAYLOAD_TYPE, keyIdOf, ota, signPayload } from '@ota/proto';
import { ChunkAssembler } from './chunk-assembler.js';
import type { EcuRecord } from './fleet-data.js';
import { checkManifest } from './manifest-check.js';

const VIN = '1M8GDM9AXKP042788';
const NOW = 1_700_000_000_000;
const ecu: EcuRecord = { module: 'bcm', serial: 'BCM-1', hardwareId: 'BCM-H2', bus: 'CAN', softwareVersion: '1.4.2', calibration: '' };
const director = generateKeyPairSync('ed25519');
const trusted = new Map([[keyIdOf(director.publicKey), director.publicKey]]);

const CHUNK = 1000;
const image = randomBytes(2500);
const chunks = [0, 1, 2].map((i) => image.subarray(i * CHUNK, (i + 1) * CHUNK));
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest();

function manifest(over: Partial<ota.v1.IUpdateManifest> = {}, target: Partial<ota.v1.ITarget> = {}): Uint8Array {
  return ota.v1.UpdateManifest.encode({
    executionId: 'exec-1',
    vin: VIN,
    expiresAtMs: NOW + 60_000,
    updateName: 'bcm',
    target: {
      ecuModule: 'bcm',
      ecuSerial: 'BCM-1',
      hardwareIds: ['BCM-H2'],
      version: '1.5.0',
      imageSize: image.length,
      imageSha256: sha(image),
      chunkSize: CHUNK,
      chunkSha256: chunks.map(sha),
      ...target,
    },
    ...over,
  }).finish();
}

const sign = (payload: Uint8Array, key = director.privateKey) =>
  ota.v1.Signed.encode(signPayload(MANIFEST_PAYLOAD_TYPE, payload, key)).finish();

const check = (envelope: Uint8Array) => checkManifest(envelope, { vin: VIN, ecus: [ecu] }, trusted, NOW);

describe('checkManifest', () => {
  it('accepts a manifest signed by a trusted key, for this vehicle and ECU', () => {
    const verdict = check(sign(manifest()));
    expect(verdict).toMatchObject({ ok: true, ecu, imageSize: 2500 });
  });

  it('refuses each way a manifest can be wrong, with its own result code', () => {
    const C = ota.v1.ResultCode;
    const stranger = generateKeyPairSync('ed25519');
    const signed = ota.v1.Signed.decode(sign(manifest()));
    const flipped = Buffer.from(signed.payload);
    flipped[flipped.length - 1]! ^= 1;
    const tampered = ota.v1.Signed.encode({ ...signed, payload: flipped }).finish();
    const cases: [string, Uint8Array, ota.v1.ResultCode][] = [
      ['unknown key', sign(manifest(), stranger.privateKey), C.SIGNATURE_INVALID],
      ['payload changed after signing', tampered, C.SIGNATURE_INVALID],
      ['garbage', Buffer.from('not a protobuf at all'), C.VERIFICATION_FAILED],
      ['another VIN', sign(manifest({ vin: '11111111111111111' })), C.VIN_MISMATCH],
      ['expired', sign(manifest({ expiresAtMs: NOW - 1 })), C.METADATA_EXPIRED],
      ['unknown ECU', sign(manifest({}, { ecuSerial: 'BCM-9' })), C.ECU_NOT_FOUND],
      ['other hardware', sign(manifest({}, { hardwareIds: ['BCM-H1'] })), C.HARDWARE_ID_MISMATCH],
      ['hash list too short', sign(manifest({}, { chunkSha256: chunks.slice(0, 2).map(sha) })), C.VERIFICATION_FAILED],
      ['chunk size too large', sign(manifest({}, { chunkSize: 1 << 30 })), C.VERIFICATION_FAILED],
      ['older version, not flagged as a rollback', sign(manifest({}, { version: '1.4.1' })), C.ROLLBACK_DETECTED],
    ];
    for (const [name, envelope, code] of cases) {
      expect({ name, verdict: check(envelope) }).toMatchObject({ name, verdict: { ok: false, code } });
    }
  });

  it('accepts an older version when the signed manifest says rollback', () => {
    expect(check(sign(manifest({ rollback: true }, { version: '1.4.1' })))).toMatchObject({ ok: true });
  });

  it('echoes the execution id only once the signature holds', () => {
    const stranger = generateKeyPairSync('ed25519');
    expect(check(sign(manifest(), stranger.privateKey))).toMatchObject({ executionId: '' });
    expect(check(sign(manifest({ expiresAtMs: 1 })))).toMatchObject({ executionId: 'exec-1' });
  });
});

describe('ChunkAssembler', () => {
  const target = { imageSize: image.length, chunkSize: CHUNK, chunkSha256: chunks.map(sha), imageSha256: sha(image) };

  it('takes chunks in any order, ignores duplicates, and checks the whole image', () => {
    const a = new ChunkAssembler(target);
    expect(a.accept(2, chunks[2]!)).toEqual({ kind: 'accepted' });
    expect(a.accept(0, chunks[0]!)).toEqual({ kind: 'accepted' });
    expect(a.accept(0, chunks[0]!)).toEqual({ kind: 'duplicate' });
    expect(a.complete).toBe(false);
    expect(a.accept(1, chunks[1]!)).toEqual({ kind: 'accepted' });
    const done = a.finish();
    expect(done.ok && done.image.equals(image)).toBe(true);
  });

  it('refuses a tampered chunk, a chunk beyond the image and more bytes than signed', () => {
    const a = new ChunkAssembler(target);
    const bad = Buffer.from(chunks[1]!);
    bad[0]! ^= 0xff;
    expect(a.accept(1, bad)).toMatchObject({ kind: 'refused', code: ota.v1.ResultCode.HASH_MISMATCH });
    expect(a.accept(3, chunks[0]!)).toMatchObject({ kind: 'refused', code: ota.v1.ResultCode.LENGTH_EXCEEDED });
    expect(a.accept(2, Buffer.concat([chunks[2]!, Buffer.alloc(1)]))).toMatchObject({
      kind: 'refused',
      code: ota.v1.ResultCode.LENGTH_EXCEEDED,
    });
  });

  it('refuses a whole image whose digest differs from the signed one, even with good chunks', () => {
    const a = new ChunkAssembler({ ...target, imageSha256: sha(Buffer.from('other')) });
    chunks.forEach((c, i) => a.accept(i, c));
    expect(a.finish()).toMatchObject({ ok: false, code: ota.v1.ResultCode.HASH_MISMATCH });
  });
});
