import { Aedes } from 'aedes';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { limiterFor } from '@ota/campaign-core';
import { ota } from '@ota/proto';
import { redisCpuMs } from '../server-cpu.js';

/**
 * The floor of the dispatch path built from parts: one BullMQ job per vehicle on Redis, a worker at
 * concurrency 100 that encodes a small message and publishes it through an in-process aedes broker.
 * No Postgres, no signing, no campaign state. With `ratePerMinute`, the queue is paced the way the
 * dispatcher paces a campaign (limiterFor, as a global rate limit): `startedAt` then says whether the
 * limiter itself holds a rate that the whole path cannot reach here.
 */
export async function bareBullmqDispatch(
  redisUrl: string,
  vins: readonly string[],
  ratePerMinute?: number,
): Promise<{ perSecond: number; redisCpuMsPerJob: number; startedAt: number[] }> {
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null });
  const prefix = 'bench-bare';
  const broker = await Aedes.createBroker();
  const queue = new Queue('offers', { connection, prefix });
  if (ratePerMinute) {
    const { max, duration } = limiterFor(ratePerMinute);
    await queue.setGlobalRateLimit(max, duration);
  }
  const startedAt: number[] = [];
  let done = 0;
  let finish: () => void = () => {};
  const finished = new Promise<void>((r) => (finish = r));
  const worker = new Worker(
    'offers',
    async (job) => {
      startedAt.push(Date.now());
      const payload = ota.v1.CancelRequest.encode({ executionId: job.id ?? '', reason: 'bench' }).finish();
      await new Promise<void>((resolve) =>
        broker.publish({ cmd: 'publish', topic: `ota/v1/${job.data.vin as string}/update`, payload: Buffer.from(payload), qos: 1, retain: false, dup: false }, () => resolve()),
      );
    },
    { connection, prefix, concurrency: 100 },
  );
  worker.on('completed', () => {
    if (++done === vins.length) finish();
  });
  try {
    await worker.waitUntilReady();
    const cpuBefore = await redisCpuMs(redisUrl);
    const started = performance.now();
    for (let i = 0; i < vins.length; i += 1000) {
      await queue.addBulk(vins.slice(i, i + 1000).map((vin) => ({ name: 'offer', data: { vin }, opts: { jobId: `offer-${vin}`, removeOnComplete: true } })));
    }
    await finished;
    const seconds = (performance.now() - started) / 1000;
    const cpuAfter = await redisCpuMs(redisUrl);
    return { perSecond: vins.length / seconds, redisCpuMsPerJob: (cpuAfter - cpuBefore) / vins.length, startedAt };
  } finally {
    await worker.close();
    await queue.obliterate({ force: true });
    await queue.close();
    await new Promise<void>((r) => broker.close(() => r()));
    connection.disconnect();
  }
}
