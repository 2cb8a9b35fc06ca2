import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { open, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { anchorRoot, isRootRefusal, keyIdOfPrivate, ota, u64, walkRootChain, type TrustedRoot } from '@ota/proto';
import { latestReleaseExpiry, nextRootEnvelope, signReleaseEntryFor, type ReleaseIntent } from './trust/ceremony.js';
import { ensureDevTrust } from './trust/dev-trust.js';
import { readOrCreateKey } from './trust/key-files.js';
import { readRootFiles, writeRootFile } from './trust/root-files.js';

const USAGE = `trust <command> [options]: the offline side of the root of trust (Uptane image repository and root).

  init --offline DIR --pki PKI_DIR [--trust-dir DIR]
      Creates root and release keys in DIR (keep it off the gateway), the director key in PKI_DIR/signing
      (the gateway's online key), and root version 1 naming the three in the trust folder (PKI_DIR/trust).
  director-key --pki PKI_DIR --name NAME
      Creates another director key PKI_DIR/signing/NAME.key.pem, for a rotation; prints its key id.
  rotate --offline DIR --trust-dir DIR [--director PUB.pem] [--release PUB.pem] [--new-root KEY.pem] [--upload URL]
      Writes the next root: the newest one in the trust folder with the given roles' keys replaced, signed by
      the current root key (DIR/root.key.pem) and, with --new-root, by the new one too (then replacing it).
      With --upload, posts it to the gateway's admin API at URL (token in ADMIN_TOKEN).
  sign-release --offline DIR --api URL --update ID --image FILE [--version V] [--hardware ID,...] [--module M]
               [--counter N] [--expires-in-days N]
      Fetches the update's release entry from the admin API, checks that it describes FILE exactly (your
      copy of the image: length, sha256, every chunk's sha256), that it expires within --expires-in-days
      (default 365, the gateway's default) and, where given, that its version, compatible hardware ids,
      module and release counter are these; then signs it with DIR/release.key.pem and uploads it. A gateway
      that describes anything else gets nothing signed.`;

const options = {
  offline: { type: 'string' },
  pki: { type: 'string' },
  'trust-dir': { type: 'string' },
  name: { type: 'string' },
  director: { type: 'string' },
  release: { type: 'string' },
  'new-root': { type: 'string' },
  upload: { type: 'string' },
  api: { type: 'string' },
  update: { type: 'string' },
  image: { type: 'string' },
  version: { type: 'string' },
  hardware: { type: 'string' },
  module: { type: 'string' },
  counter: { type: 'string' },
  'expires-in-days': { type: 'string' },
  help: { type: 'boolean' },
} as const;

class UsageError extends Error {}

function need(value: string | undefined, flag: string): string {
  if (!value) throw new UsageError(`--${flag} is required`);
  return value;
}

/** A whole number in [min, max] from a flag's text, or a UsageError naming the flag. */
function whole(value: string, flag: string, min: number, max: number): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max) throw new UsageError(`--${flag} must be a whole number from ${min} to ${max}, got "${value}"`);
  return n;
}

async function publicKeyFrom(path: string): Promise<KeyObject> {
  const pem = await readFile(path, 'utf8');
  // A private key file works too: only its public half goes into the root.
  return pem.includes('PRIVATE KEY') ? createPublicKey(createPrivateKey(pem)) : createPublicKey(pem);
}

async function newestRoot(trustDir: string): Promise<TrustedRoot> {
  const files = await readRootFiles(trustDir);
  if (files.length === 0) throw new UsageError(`no root-N.pb in ${trustDir}: run "trust init" first`);
  const first = anchorRoot(files[0]!.envelope);
  if (isRootRefusal(first)) throw new UsageError(`${trustDir}/root-1.pb: ${first.description}`);
  const newest = walkRootChain(first, files.slice(1).map((f) => f.envelope), 0);
  if (isRootRefusal(newest)) throw new UsageError(`the roots in ${trustDir} do not chain: ${newest.description}`);
  return newest;
}

async function admin(url: string, method: string, path: string, body?: Uint8Array): Promise<Buffer> {
  const token = process.env.ADMIN_TOKEN;
  if (!token) throw new UsageError('set ADMIN_TOKEN to talk to the admin API');
  const res = await fetch(url + path, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body ? { 'content-type': 'application/octet-stream' } : {}) },
    ...(body ? { body: new Blob([body as Uint8Array<ArrayBuffer>]) } : {}),
  }).catch((err: Error) => {
    // fetch says only "fetch failed"; the cause says why (connection refused, unknown host...).
    throw new Error(`${method} ${url}${path}: ${(err.cause as Error | undefined)?.message ?? err.message}`);
  });
  const bytes = Buffer.from(await res.arrayBuffer());
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${bytes.toString('utf8')}`);
  return bytes;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  let values;
  try {
    ({ values } = parseArgs({ args: rest, options, strict: true }));
  } catch (err) {
    throw new UsageError((err as Error).message); // an unknown flag, or one without its value
  }
  if (!command || values.help || command === 'help') {
    console.error(USAGE);
    return command ? 0 : 2;
  }
  switch (command) {
    case 'init': {
      const pki = need(values.pki, 'pki');
      const trustDir = values['trust-dir'] ?? join(pki, 'trust');
      const made = await ensureDevTrust(pki, trustDir, need(values.offline, 'offline'));
      console.error(`trust: root and release keys in ${made.offlineDir}, root-1.pb in ${trustDir}`);
      return 0;
    }
    case 'director-key': {
      const path = join(need(values.pki, 'pki'), 'signing', `${need(values.name, 'name')}.key.pem`);
      const key = await readOrCreateKey(path, true);
      console.log(keyIdOfPrivate(key));
      console.error(`trust: director key ${path}; name its public half in the next root (trust rotate --director ${path})`);
      return 0;
    }
    case 'rotate': {
      const offline = need(values.offline, 'offline');
      const trustDir = need(values['trust-dir'], 'trust-dir');
      const current = await newestRoot(trustDir);
      const rootKeyPath = join(offline, 'root.key.pem');
      const signers = [createPrivateKey(await readFile(rootKeyPath, 'utf8'))];
      const newRoot = values['new-root'] ? createPrivateKey(await readFile(values['new-root'], 'utf8')) : null;
      if (newRoot) signers.push(newRoot);
      const envelope = nextRootEnvelope(
        current,
        {
          ...(values.director ? { director: [await publicKeyFrom(values.director)] } : {}),
          ...(values.release ? { release: [await publicKeyFrom(values.release)] } : {}),
          ...(newRoot ? { root: [createPublicKey(newRoot)] } : {}),
        },
        signers,
      );
      const path = await writeRootFile(trustDir, current.version + 1, envelope);
      if (newRoot) await writeFile(rootKeyPath, newRoot.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
      console.error(`trust: root ${current.version + 1} in ${path}`);
      if (values.upload) {
        await admin(values.upload, 'POST', '/v1/trust/roots', envelope);
        console.error(`trust: root ${current.version + 1} added at ${values.upload}`);
      }
      return 0;
    }
    case 'sign-release': {
      const api = need(values.api, 'api');
      const id = need(values.update, 'update');
      const days = values['expires-in-days'] === undefined ? undefined : whole(values['expires-in-days'], 'expires-in-days', 1, 3650);
      const counter = values.counter === undefined ? undefined : whole(values.counter, 'counter', 0, 0xffff_ffff);
      const releaseKey = createPrivateKey(await readFile(join(need(values.offline, 'offline'), 'release.key.pem'), 'utf8'));
      // Streamed: an image may be larger than a buffer can hold. Opened first, so a wrong path fails before the API is asked.
      const image = await open(need(values.image, 'image'));
      try {
        const entry = await admin(api, 'GET', `/v1/updates/${id}/release-entry${days === undefined ? '' : `?expiresInDays=${days}`}`);
        const intent: ReleaseIntent = {
          expiresAtMostMs: latestReleaseExpiry(Date.now(), days === undefined ? undefined : days * 24 * 3600 * 1000),
          ...(values.version ? { version: values.version } : {}),
          ...(values.hardware ? { hardwareIds: values.hardware.split(',').map((id) => id.trim()).filter(Boolean) } : {}),
          ...(values.module ? { module: values.module } : {}),
          ...(counter !== undefined ? { releaseCounter: counter } : {}),
        };
        const signed = await signReleaseEntryFor(entry, image.createReadStream({ autoClose: false }), releaseKey, intent);
        const { name, version, ecuModule, hardwareIds, releaseCounter, expiresAtMs } = ota.v1.ReleaseEntry.decode(entry);
        await admin(api, 'PUT', `/v1/updates/${id}/release`, signed);
        const expires = new Date(u64(expiresAtMs)).toISOString();
        console.error(
          `trust: release entry of ${id} (${name} ${version} for ${ecuModule}, hardware ${hardwareIds.join(', ')}, release counter ${releaseCounter}, expires ${expires}) matches ${values.image}; signed and uploaded`,
        );
      } finally {
        await image.close();
      }
      return 0;
    }
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (err) {
  console.error(`trust: ${(err as Error).message}`);
  if (err instanceof UsageError) console.error(USAGE.split('\n')[0]);
  process.exitCode = err instanceof UsageError ? 2 : 1;
}
