import { readFile } from 'node:fs/promises';

// CLK_TCK is 100 on Linux (getconf CLK_TCK); /proc/<pid>/stat counts CPU time in those ticks.
const MS_PER_TICK = 10;

/**
 * CPU time of a process so far, in ms: user + system time of all its threads from /proc/<pid>/stat, counted in
 * 10 ms ticks. That is too coarse for a Postgres backend that spends a few milliseconds on a small run (five
 * offer claims read 0 ms), so a single-threaded process is read from /proc/<pid>/schedstat instead, the
 * scheduler's own count in nanoseconds. Not for a multi-threaded one (Node's GC and thread-pool threads):
 * schedstat counts the main thread alone.
 */
export async function processCpuMs(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  // proc(5): fields after "pid (comm) "; comm may contain spaces, so split after the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const threads = Number(fields[17]);
  if (threads === 1) {
    const schedstat = await readFile(`/proc/${pid}/schedstat`, 'utf8').catch(() => null);
    if (schedstat !== null) return Number(schedstat.split(' ')[0]) / 1e6;
  }
  return (Number(fields[11]) + Number(fields[12])) * MS_PER_TICK;
}

/** Resident set size of a process now, in bytes, from /proc/<pid>/status VmRSS. */
export async function processRssBytes(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(status);
  if (!match) throw new Error(`no VmRSS for pid ${pid}`);
  return Number(match[1]) * 1024;
}

export interface ProcessSample {
  cpuMs: number;
  rssBytes: number;
}

export async function sampleProcess(pid: number): Promise<ProcessSample> {
  const [cpuMs, rssBytes] = await Promise.all([processCpuMs(pid), processRssBytes(pid)]);
  return { cpuMs, rssBytes };
}
