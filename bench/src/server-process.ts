import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** What a server child says once it listens, and answers to requests over IPC. */
export interface ServerProcess<Info> {
  pid: number;
  info: Info;
  request<T>(cmd: string, args?: unknown): Promise<T>;
  stop(): Promise<void>;
}

type Reply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: string };

/**
 * Runs a bench server (bench/src/servers/*.ts) in its own node process, so its CPU and RSS are the server's
 * alone. node with the tsx loader, not the tsx wrapper: the pid we measure is the server itself.
 */
export async function startServerProcess<Info>(entry: string, env: Record<string, string>): Promise<ServerProcess<Info>> {
  // BENCH_CPU_PROF=<folder>: the server writes a V8 CPU profile there when it stops (node --cpu-prof).
  const profile = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', fileURLToPath(new URL(`./servers/${entry}`, import.meta.url))], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
  });
  const killAtExit = () => child.kill('SIGKILL');
  process.once('exit', killAtExit);
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  let nextId = 1;
  const info = await new Promise<Info>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${entry} did not start in 60 s: ${stderr}`)), 60_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${entry} exited with ${code}: ${stderr}`));
    });
    child.once('message', (m: { ready: Info }) => {
      clearTimeout(timer);
      resolve(m.ready);
    });
  });
  child.on('message', (m: Reply) => {
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    if (m.ok) p.resolve(m.value);
    else p.reject(new Error(m.error));
  });
  let stopping = false;
  child.on('exit', (code, signal) => {
    if (!stopping) console.error(`bench: ${entry} (pid ${child.pid}) exited unexpectedly (${signal ?? code}): ${stderr}`);
    for (const p of pending.values()) p.reject(new Error(`${entry} exited: ${stderr}`));
    pending.clear();
  });
  return {
    pid: child.pid!,
    info,
    request<T>(cmd: string, args?: unknown): Promise<T> {
      const id = nextId++;
      return new Promise<T>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
        child.send({ id, cmd, args });
      });
    },
    stop: () => {
      stopping = true;
      return stopChild(child, killAtExit);
    },
  };
}

async function stopChild(child: ChildProcess, killAtExit: () => void): Promise<void> {
  process.removeListener('exit', killAtExit);
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.send({ id: 0, cmd: 'stop' });
  const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(timer);
}

/** The child's side: announce readiness, then answer `cmd` requests until 'stop'. */
export function serveRequests(ready: unknown, handlers: Record<string, (args: unknown) => unknown>, stop: () => Promise<void>): void {
  process.on('message', (m: { id: number; cmd: string; args: unknown }) => {
    if (m.cmd === 'stop') {
      void stop().finally(() => process.exit(0));
      return;
    }
    const handler = handlers[m.cmd];
    Promise.resolve()
      .then(() => {
        if (!handler) throw new Error(`unknown command ${m.cmd}`);
        return handler(m.args);
      })
      .then(
        (value) => process.send?.({ id: m.id, ok: true, value }),
        (err: unknown) => process.send?.({ id: m.id, ok: false, error: (err as Error).message }),
      );
  });
  // The parent went away (Ctrl-C, crash): a bench server must not outlive it.
  process.on('disconnect', () => void stop().finally(() => process.exit(0)));
  process.send?.({ ready });
}
