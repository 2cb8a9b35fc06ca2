import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@ota/rehearsal/free-port';

export interface PrivateMosquitto {
  port: number;
  pid: number;
  /** Where it listens and how, for the bench's notes. */
  description: string;
  stop(): Promise<void>;
}

/**
 * A mosquitto of our own on a free loopback port with a TLS listener over the fleet CA and the gateway's
 * server certificate, client certificates required. The machine's Mosquitto on 1883 is plain TCP and
 * shared, so it would not be a fair baseline. Config in a temp folder, removed at stop().
 */
export async function startPrivateMosquitto(pkiDir: string): Promise<PrivateMosquitto> {
  const port = await freePort();
  const dir = await mkdtemp(join(tmpdir(), 'ota-bench-mosquitto-'));
  const conf = join(dir, 'mosquitto.conf');
  await writeFile(
    conf,
    [
      `listener ${port} 127.0.0.1`,
      `cafile ${join(pkiDir, 'ca.cert.pem')}`,
      `certfile ${join(pkiDir, 'server.cert.pem')}`,
      `keyfile ${join(pkiDir, 'server.key.pem')}`,
      'require_certificate true',
      'use_identity_as_username true',
      'persistence false',
      // The chunk server receives every vehicle's requests: the default queue of 1000 would drop some.
      'max_queued_messages 0',
      'max_inflight_messages 0',
      // Running as root, mosquitto would switch to the mosquitto user, who cannot read the PKI folder (0700).
      'user root',
      'log_dest stderr',
      'log_type error',
      '',
    ].join('\n'),
  );
  const child = spawn('mosquitto', ['-c', conf], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)));
  const killAtExit = () => child.kill('SIGKILL');
  process.once('exit', killAtExit);
  const deadline = Date.now() + 10_000;
  while (!(await listening(port))) {
    if (child.exitCode !== null) throw new Error(`mosquitto exited with ${child.exitCode}: ${stderr}`);
    if (Date.now() > deadline) throw new Error(`mosquitto did not listen on ${port}: ${stderr}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    port,
    pid: child.pid!,
    description: `private mosquitto (${conf}) on 127.0.0.1:${port}, TLS with the fleet CA and server certificate, require_certificate true`,
    async stop() {
      process.removeListener('exit', killAtExit);
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
