import { createHash, createPublicKey, generateKeyPairSync, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PAYLOAD_TYPES, keyIdOf, ota, verifyEnvelope } from '@ota/proto';
import { ReleaseEntryMismatch, releaseEntryMismatches, signReleaseEntryFor } from './ceremony.js';

const CHUNK = 1024;
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest();

/** A release entry as the gateway builds one for `image`, with some fields replaced. */
function entryFor(image: Buffer, change: Partial<ota.v1.IReleaseEntry> = {}): Uint8Array {
  const chunkSha256 = [];
  for (let i = 0; i < image.length; i += CHUNK) chunkSha256.push(sha256(image.subarray(i, i + CHUNK)));
  return ota.v1.ReleaseEntry.encode({
    name: 'bcm',
    version: '1.5.0',
    ecuModule: 'bcm',
    hardwareIds: ['BCM-H2'],
    releaseCounter: 1,
    imageSize: image.length,
    imageSha256: sha256(image),
    chunkSize: CHUNK,
    chunkSha256,
    ...change,
  }).finish();
}

describe('signing a release entry for an image the release engineer holds', () => {
  const image = randomBytes(10 * CHUNK + 100);
  const releaseKey = generateKeyPairSync('ed25519').privateKey;

  it('signs an entry that describes the image exactly', async () => {
    const entry = entryFor(image);
    expect(await releaseEntryMismatches(entry, image)).toEqual([]);
    const envelope = ota.v1.Signed.decode(await signReleaseEntryFor(entry, image, releaseKey));
    const publicKey = createPublicKey(releaseKey);
    const verdict = verifyEnvelope(envelope, PAYLOAD_TYPES.release, new Map([[keyIdOf(publicKey), publicKey]]));
    expect(verdict.ok).toBe(true);
    // The entry's own bytes, not a re-encoding of them.
    expect(Buffer.from(envelope.payload).equals(Buffer.from(entry))).toBe(true);
  });

  it('refuses an entry for other bytes: the image of a gateway that was tampered with', async () => {
    const other = Buffer.from(image);
    other.writeUInt8(other.readUInt8(other.length - 1) ^ 1, other.length - 1);
    const problems = await releaseEntryMismatches(entryFor(other), image);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^its sha256 is [0-9a-f]{64}, the image's [0-9a-f]{64}$/);
    expect(problems[1]).toBe("1 of its 11 chunk hashes differ from the image's (first: chunk 10)");
    await expect(signReleaseEntryFor(entryFor(other), image, releaseKey)).rejects.toThrow(ReleaseEntryMismatch);
  });

  it('refuses a chunk-hash list that does not match, even with the right digest and length', async () => {
    // The vehicle checks each chunk against this list as it arrives: a wrong list is a wrong image.
    const decoded = ota.v1.ReleaseEntry.decode(entryFor(image));
    decoded.chunkSha256[3] = sha256(Buffer.from('not chunk 3'));
    const tampered = ota.v1.ReleaseEntry.encode(decoded).finish();
    expect(await releaseEntryMismatches(tampered, image)).toEqual(["1 of its 11 chunk hashes differ from the image's (first: chunk 3)"]);
  });

  it('checks the version and hardware ids the release engineer pinned, where they pinned them', async () => {
    // The right bytes, but offered to other hardware than they were built for: a bricked ECU.
    const widened = entryFor(image, { hardwareIds: ['BCM-H2', 'BCM-H1'] });
    expect(await releaseEntryMismatches(widened, image)).toEqual([]);
    expect(await releaseEntryMismatches(widened, image, { version: '1.5.0', hardwareIds: ['BCM-H2'] })).toEqual(['it lists hardware BCM-H1, BCM-H2, not BCM-H2']);
    expect(await releaseEntryMismatches(widened, image, { hardwareIds: ['BCM-H1', 'BCM-H2', 'BCM-H1'] })).toEqual([]);
    expect(await releaseEntryMismatches(entryFor(image), image, { version: '1.6.0' })).toEqual(['it says version 1.5.0, not 1.6.0']);
    await expect(signReleaseEntryFor(widened, image, releaseKey, { hardwareIds: ['BCM-H2'] })).rejects.toThrow('it lists hardware BCM-H1, BCM-H2, not BCM-H2');
  });

  it('checks the module, the release counter and the expiry the release engineer pinned', async () => {
    const inAYear = Date.UTC(2027, 11, 4);
    const entry = entryFor(image, { expiresAtMs: inAYear });
    expect(await releaseEntryMismatches(entry, image, { module: 'bcm', releaseCounter: 1, expiresAtMostMs: inAYear })).toEqual([]);
    expect(await releaseEntryMismatches(entry, image, { module: 'adas' })).toEqual(['it is for module bcm, not adas']);
    // A counter above the intended one would leave the ECU refusing every later release (anti-rollback).
    expect(await releaseEntryMismatches(entryFor(image, { releaseCounter: 0xffff_ffff, expiresAtMs: inAYear }), image, { releaseCounter: 1 })).toEqual([
      'its release counter is 4294967295, not 1',
    ]);
    expect(await releaseEntryMismatches(entry, image, { expiresAtMostMs: inAYear - 1 })).toEqual([
      'it expires at 2027-12-04T00:00:00.000Z, after 2027-12-03T23:59:59.999Z',
    ]);
    expect(await releaseEntryMismatches(entryFor(image, { expiresAtMs: 0 }), image, { expiresAtMostMs: inAYear })).toEqual([
      'it never expires; expected an expiry by 2027-12-04T00:00:00.000Z',
    ]);
    await expect(signReleaseEntryFor(entryFor(image, { expiresAtMs: 0 }), image, releaseKey, { expiresAtMostMs: inAYear })).rejects.toThrow(ReleaseEntryMismatch);
  });

  it('refuses a wrong length, a wrong number of chunks, a zero chunk size and bytes that are not an entry', async () => {
    expect(await releaseEntryMismatches(entryFor(image, { imageSize: image.length + 1 }), image)).toEqual([`it says ${image.length + 1} bytes, the image has ${image.length}`]);
    expect(await releaseEntryMismatches(entryFor(image, { chunkSha256: [sha256(image)] }), image)).toEqual([`it lists 1 chunk hashes, the image has 11 chunks of ${CHUNK} bytes`]);
    expect(await releaseEntryMismatches(entryFor(image, { chunkSize: 0 }), image)).toEqual(['its chunk size is 0']);
    expect((await releaseEntryMismatches(Buffer.from([0xff, 0xff, 0xff]), image))[0]).toMatch(/^not a release entry/);
    let thrown: unknown;
    try {
      await signReleaseEntryFor(entryFor(image, { imageSize: 1 }), image, releaseKey);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(ReleaseEntryMismatch);
    expect((thrown as ReleaseEntryMismatch).message).toBe(`the release entry does not describe this release: it says 1 bytes, the image has ${image.length}`);
  });
});
