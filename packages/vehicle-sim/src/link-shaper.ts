import type { MqttClient } from 'mqtt';
import type { LinkProfile } from './fleet-file.js';

/**
 * Makes a vehicle's downlink behave like its link profile: each message arrives `latencyMs` late and no
 * faster than `bandwidthKBps` allows, in order. Messages still on the way when the link closes are lost,
 * as on a real cellular drop (the vehicle asks for missing chunks again). Real time: `--time-scale`
 * shortens flashing, not the network.
 */
export function shapeLink<C extends MqttClient>(client: C, link: LinkProfile | null, now: () => number = Date.now): C {
  const latency = link?.latencyMs ?? 0;
  const bytesPerMs = link?.bandwidthKBps ? link.bandwidthKBps : Infinity; // 1 KB/s is 1 byte/ms
  if (latency <= 0 && bytesPerMs === Infinity) return client;
  let freeAt = 0; // when the last queued message has finished arriving
  let epoch = 0; // bumped at each close: what was in flight is gone
  const emit = client.emit.bind(client) as (event: string | symbol, ...args: unknown[]) => boolean;
  client.on('close', () => {
    epoch++;
    freeAt = 0;
  });
  (client as { emit: typeof emit }).emit = (event, ...args) => {
    if (event !== 'message') return emit(event, ...args);
    const payload = args[1] as Buffer;
    const t = now();
    freeAt = Math.max(t, freeAt) + payload.length / bytesPerMs;
    const sent = epoch;
    setTimeout(() => {
      if (sent === epoch) emit(event, ...args);
    }, freeAt + latency - t).unref();
    return true;
  };
  return client;
}
