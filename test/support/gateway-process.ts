import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export { freePort } from '@ota/rehearsal';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The gateway as operators run it (`src/main.ts`), in its own process, so a test can SIGKILL it. */
export async function spawnGateway(env: Record<string, string>, httpPort: number): Promise<ChildProcess> {
  // node itself with tsx as a loader, not the tsx wrapper: a SIGKILL must hit the gateway, not a parent
  // that would leave it running as an orphan.
  const child = spawn(process.execPath, ['--import', 'tsx', 'packages/gateway/src/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`gateway exited with ${child.exitCode}: ${stderr}`);
    const ok = await fetch(`http://127.0.0.1:${httpPort}/v1/health`).then((r) => r.ok, () => false);
    if (ok) return child;
    if (Date.now() > deadline) throw new Error(`gateway did not start: ${stderr}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
