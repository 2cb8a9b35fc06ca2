import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
    const r = await signRelease('bcm-1.5.0.bin', '--version', '1.5.0', '--hardware', 'BCM-H2');
    expect(r.stderr).toContain('(BCM 1.5 1.5.0 for bcm, hardware BCM-H2) matches');
    expect(r.code).toBe(0);
    expect(await released()).toBe(true);
  });
});
