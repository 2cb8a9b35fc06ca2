import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer as createHttpServer } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ota } from '@ota/proto';
import { startTestAdminApi } from './http/test-admin-api.js';

const packageDir = dirname(dirname(fileURLToPath(import.meta.url)));
const TOKEN = 'test-token-0123456789abcdef';
const auth = { authorization: `Bearer ${TOKEN}` };

/** `pnpm trust` as a release engineer runs it (tsx, no build): exit code and output. */
function trust(...args: string[]): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'src/trust-cli.ts', ...args], { cwd: packageDir, timeout: 30_000, env: { ...process.env, ADMIN_TOKEN: TOKEN } }, (err, _stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stderr });
    });
  });
}

describe('trust sign-release', () => {
  let api: Awaited<ReturnType<typeof startTestAdminApi>>;
  let url: string;
  let dir: string;
  let updateId: string;
  const image = randomBytes(10_000);

  beforeAll(async () => {
    api = await startTestAdminApi(TOKEN, 'release-engineer');
    url = await api.app.listen({ host: '127.0.0.1', port: 0 });
    dir = await mkdtemp(join(tmpdir(), 'ota-trust-cli-'));
    await writeFile(join(dir, 'release.key.pem'), api.keys.release.export({ type: 'pkcs8', format: 'pem' }));
    await writeFile(join(dir, 'bcm-1.5.0.bin'), image);
    const other = Buffer.from(image);
    other.writeUInt8(other.readUInt8(5000) ^ 0xff, 5000);
    await writeFile(join(dir, 'other.bin'), other);
    const created = await api.app.inject({ method: 'POST', url: '/v1/updates', headers: auth, payload: { name: 'BCM 1.5', version: '1.5.0', module: 'bcm', bus: 'CAN', hardwareIds: ['BCM-H2'] } });
    updateId = created.json().id as string;
    const uploaded = await api.app.inject({ method: 'PUT', url: `/v1/updates/${updateId}/image`, headers: { ...auth, 'content-type': 'application/octet-stream' }, payload: image });
    expect(uploaded.statusCode).toBe(200);
  });
  afterAll(async () => {
    await api.stop();
    await rm(dir, { recursive: true, force: true });
  });

  const released = async () => (await api.app.inject({ method: 'GET', url: `/v1/updates/${updateId}`, headers: auth })).json().released as boolean;
  const signRelease = (file: string, ...more: string[]) => trust('sign-release', '--offline', dir, '--api', url, '--update', updateId, '--image', join(dir, file), ...more);

  it('needs the image file', async () => {
    const r = await trust('sign-release', '--offline', dir, '--api', url, '--update', updateId);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--image is required');
    expect(await released()).toBe(false);
  });

  it('signs nothing when the gateway describes other bytes than the release engineer holds', async () => {
    // One byte differs in the middle of the image: the digest and the chunk it falls in.
    const r = await signRelease('other.bin');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('the release entry does not describe this release: its sha256 is');
    expect(r.stderr).toContain("1 of its 3 chunk hashes differ from the image's (first: chunk 1)");
    expect(await released()).toBe(false);
  });

  it('signs nothing when the entry names another version or other hardware than the engineer pinned', async () => {
    const r = await signRelease('bcm-1.5.0.bin', '--version', '1.5.1', '--hardware', 'BCM-H2,BCM-H3');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('it says version 1.5.0, not 1.5.1; it lists hardware BCM-H2, not BCM-H2, BCM-H3');
    expect(await released()).toBe(false);
  });

  it('signs nothing when the entry has another module or release counter than pinned, or outlives the asked expiry', async () => {
    const r = await signRelease('bcm-1.5.0.bin', '--module', 'adas', '--counter', '7');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('it is for module bcm, not adas; its release counter is 1, not 7');
    expect(await released()).toBe(false);
    const bad = await signRelease('bcm-1.5.0.bin', '--counter', '1.5');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--counter must be a whole number from 0 to 4294967295, got "1.5"');
    const unknown = await signRelease('bcm-1.5.0.bin', '--countr', '1');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("Unknown option '--countr'");
    const badDays = await signRelease('bcm-1.5.0.bin', '--expires-in-days', '0');
    expect(badDays.code).toBe(2);
    expect(badDays.stderr).toContain('--expires-in-days must be a whole number from 1 to 3650, got "0"');
    expect(await released()).toBe(false);
  });

  it('signs nothing for a gateway that ignores the asked expiry (never, or ten years), and uploads nothing', async () => {
    // The real entry of the real image, with only its expiry changed by a lying gateway.
    const honest = await api.app.inject({ method: 'GET', url: `/v1/updates/${updateId}/release-entry`, headers: auth });
    const entry = ota.v1.ReleaseEntry.decode(honest.rawPayload);
    for (const expiresAtMs of [0, Date.now() + 10 * 365 * 86_400_000]) {
      const lying = ota.v1.ReleaseEntry.encode({ ...entry, expiresAtMs }).finish();
      const puts: string[] = [];
      const server = createHttpServer((req, res) => {
        if (req.method === 'GET' && req.url?.startsWith(`/v1/updates/${updateId}/release-entry`)) res.end(Buffer.from(lying));
        else {
          puts.push(`${req.method} ${req.url}`);
          res.statusCode = 500;
          res.end();
        }
      });
      const port = await new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
      try {
        const r = await trust('sign-release', '--offline', dir, '--api', `http://127.0.0.1:${port}`, '--update', updateId, '--image', join(dir, 'bcm-1.5.0.bin'), '--expires-in-days', '30');
        expect(r.code).toBe(1);
        expect(r.stderr).toMatch(expiresAtMs === 0 ? /it never expires; expected an expiry by 20\d\d-/ : /it expires at 20\d\d-\S+, after 20\d\d-/);
        expect(puts).toEqual([]);
      } finally {
        await new Promise((resolve) => server.close(resolve));
      }
    }
  });

  it('says why when the admin API cannot be reached, and signs nothing', async () => {
    const closed = createServer();
    const port = await new Promise<number>((resolve) => closed.listen(0, '127.0.0.1', () => resolve((closed.address() as AddressInfo).port)));
    await new Promise((resolve) => closed.close(resolve));
    const r = await trust('sign-release', '--offline', dir, '--api', `http://127.0.0.1:${port}`, '--update', updateId, '--image', join(dir, 'bcm-1.5.0.bin'));
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`GET http://127.0.0.1:${port}/v1/updates/${updateId}/release-entry: connect ECONNREFUSED`);
    expect(await released()).toBe(false);
  });

  it('signs and uploads the entry of the image the release engineer holds', async () => {
    const before = Date.now();
    const r = await signRelease('bcm-1.5.0.bin', '--version', '1.5.0', '--hardware', 'BCM-H2', '--module', 'bcm', '--counter', '1', '--expires-in-days', '30');
    const printed = /\(BCM 1\.5 1\.5\.0 for bcm, hardware BCM-H2, release counter 1, expires (\S+)\) matches/.exec(r.stderr);
    expect(printed, r.stderr).not.toBeNull();
    const expires = Date.parse(printed![1]!);
    expect(expires).toBeGreaterThanOrEqual(before + 30 * 86_400_000);
    expect(expires).toBeLessThanOrEqual(Date.now() + 30 * 86_400_000);
    expect(r.code).toBe(0);
    expect(await released()).toBe(true);
  });
});
