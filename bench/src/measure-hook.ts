import { spawn } from 'node:child_process';

/**
 * BENCH_MEASURE_HOOK=<shell command>: run it for the length of each measured round (a profiler such as
 * `perf record -a -g -o /tmp/round.data`), with BENCH_ROUND naming the round and BENCH_SERVER_PIDS the
 * server processes. It gets SIGINT when the round ends, and the bench waits for it to exit. Without the
 * variable this does nothing.
 */
export function startMeasureHook(round: string, serverPids: number[]): () => Promise<void> {
  const command = process.env.BENCH_MEASURE_HOOK;
  if (!command) return async () => {};
  const child = spawn('sh', ['-c', command], {
    env: { ...process.env, BENCH_ROUND: round, BENCH_SERVER_PIDS: serverPids.join(',') },
    stdio: ['ignore', 'ignore', 'inherit'],
    // Its own process group, so that the signal reaches the command and whatever it started.
    detached: true,
  });
  /** Sends the signal to the whole group; false once nothing in it is left (ESRCH). */
  const signal = (name: NodeJS.Signals | 0): boolean => {
    try {
      process.kill(-child.pid!, name);
      return true;
    } catch {
      return false;
    }
  };
  return async () => {
    // A command that does not stop on SIGINT gets SIGTERM after 10 s, and SIGKILL after 20: a hook must
    // not hang the bench. The round ends when every process of the group has exited (a profiler writing
    // its file, a script dumping what it sampled).
    signal('SIGINT');
    const started = Date.now();
    while (signal(0)) {
      const waited = Date.now() - started;
      if (waited > 20_000) signal('SIGKILL');
      else if (waited > 10_000) signal('SIGTERM');
      await new Promise((r) => setTimeout(r, 50));
    }
  };
}
