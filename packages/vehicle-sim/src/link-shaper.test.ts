import { describe, expect, it } from 'vitest';
import type { IClientOptions } from 'mqtt';
import { FakeMqttClient } from './testing/fake-mqtt.js';
import { shapeLink } from './link-shaper.js';

function shaped(latencyMs: number, bandwidthKBps?: number) {
  const client = shapeLink(new FakeMqttClient('mqtts://gw', {} as IClientOptions) as never, { name: 't', weight: 1, latencyMs, ...(bandwidthKBps ? { bandwidthKBps } : {}) }) as unknown as FakeMqttClient;
  const arrived: { topic: string; at: number }[] = [];
  const begin = Date.now();
  client.on('message', (topic: string) => arrived.push({ topic, at: Date.now() - begin }));
  return { client, arrived };
}

describe('shapeLink', () => {
  it('delays every message by the latency, keeping the order', async () => {
    const { client, arrived } = shaped(80);
    client.deliver('a', Buffer.alloc(10));
    client.deliver('b', Buffer.alloc(10));
    expect(arrived).toEqual([]);
    await new Promise((r) => setTimeout(r, 150));
    expect(arrived.map((a) => a.topic)).toEqual(['a', 'b']);
    expect(arrived[0]!.at).toBeGreaterThanOrEqual(75);
  });

  it('lets no more through than the bandwidth: 3 x 20 KB at 200 KB/s take 300 ms', async () => {
    const { client, arrived } = shaped(0, 200);
    for (const t of ['a', 'b', 'c']) client.deliver(t, Buffer.alloc(20_000));
    await new Promise((r) => setTimeout(r, 400));
    expect(arrived.map((a) => a.topic)).toEqual(['a', 'b', 'c']);
    expect(arrived[0]!.at).toBeGreaterThanOrEqual(95);
    expect(arrived[2]!.at).toBeGreaterThanOrEqual(295);
  });

  it('loses what is still on the way when the link drops', async () => {
    const { client, arrived } = shaped(50);
    client.deliver('lost', Buffer.alloc(1));
    client.stream.destroy();
    client.deliver('after', Buffer.alloc(1));
    await new Promise((r) => setTimeout(r, 120));
    expect(arrived.map((a) => a.topic)).toEqual(['after']);
  });

  it('leaves an unshaped link alone', () => {
    const client = new FakeMqttClient('mqtts://gw', {} as IClientOptions);
    const emit = client.emit;
    expect(shapeLink(client as never, null)).toBe(client);
    expect(client.emit).toBe(emit);
  });
});
