import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MANIFEST_PAYLOAD_TYPE, MAX_CHUNK_SIZE, keyIdOf, ota, signPayload } from '@ota/proto';
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
      ['chunk size too large', sign(manifest({}, { chunkSize: MAX_CHUNK_SIZE + 1 })), C.VERIFICATION_FAILED],
      ['no target', sign(manifest({ target: null })), C.VERIFICATION_FAILED],
      ['empty image', sign(manifest({}, { imageSize: 0, chunkSha256: [] })), C.VERIFICATION_FAILED],
      ['image digest not 32 bytes', sign(manifest({}, { imageSha256: Buffer.alloc(31) })), C.VERIFICATION_FAILED],
      ['older version, not flagged as a rollback', sign(manifest({}, { version: '1.4.1' })), C.ROLLBACK_DETECTED],
    ];
    for (const [name, envelope, code] of cases) {
      expect({ name, verdict: check(envelope) }).toMatchObject({ name, verdict: { ok: false, code } });
    }
  });

  it('accepts an older version when the signed manifest says rollback', () => {
    expect(check(sign(manifest({ rollback: true }, { version: '1.4.1' })))).toMatchObject({ ok: true });
  });

  it('echoes the execution id, attempt and ECU only once the signature holds', () => {
    const stranger = generateKeyPairSync('ed25519');
    expect(check(sign(manifest({ attempt: 2 }), stranger.privateKey))).toMatchObject({ signed: false, executionId: '', attempt: 0, ecu: null });
    expect(check(sign(manifest({ expiresAtMs: 1, attempt: 2 })))).toMatchObject({ signed: true, executionId: 'exec-1', attempt: 2, ecu });
    expect(check(sign(manifest({}, { ecuSerial: 'BCM-9' })))).toMatchObject({ code: ota.v1.ResultCode.ECU_NOT_FOUND, ecu: null });
  });

  it('checks the signature before it decodes the payload', () => {
    const garbage = ota.v1.Signed.encode(signPayload(MANIFEST_PAYLOAD_TYPE, Buffer.from([0xff, 0xff, 0xff]), generateKeyPairSync('ed25519').privateKey)).finish();
    expect(check(garbage)).toMatchObject({ ok: false, code: ota.v1.ResultCode.SIGNATURE_INVALID });
    const signedGarbage = ota.v1.Signed.encode(signPayload(MANIFEST_PAYLOAD_TYPE, Buffer.from([0xff, 0xff, 0xff]), director.privateKey)).finish();
    expect(check(signedGarbage)).toMatchObject({ ok: false, code: ota.v1.ResultCode.VERIFICATION_FAILED, signed: false });
  });

  it('refuses an envelope of another payload type, even signed by a trusted key', () => {
    const other = ota.v1.Signed.encode(signPayload('ota.v1.Something', manifest(), director.privateKey)).finish();
    expect(check(other)).toMatchObject({ ok: false, code: ota.v1.ResultCode.SIGNATURE_INVALID });
  });
});
