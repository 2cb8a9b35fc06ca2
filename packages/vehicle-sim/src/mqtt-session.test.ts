import { describe, expect, it } from 'vitest';
import type { IClientOptions, MqttClient } from 'mqtt';
import { seededRandom } from './random.js';
import { FakeMqttClient } from './testing/fake-mqtt.js';
import { jitterReconnects, openSession, reconnectDelayMs, RECONNECT_MAX_MS } from './mqtt-session.js';

describe('reconnectDelayMs', () => {
  it('stays between a tenth of the base and the backed-off ceiling', () => {
    for (const r of [0, 0.25, 0.5, 0.999999]) {
      for (let attempt = 1; attempt <= 12; attempt++) {
        const d = reconnectDelayMs(attempt, 1000, () => r);
        expect(d).toBeGreaterThanOrEqual(100);
        expect(d).toBeLessThanOrEqual(Math.min(RECONNECT_MAX_MS, 1000 * 2 ** (attempt - 1)));
      }
    }
    expect(reconnectDelayMs(1, 1000, () => 0)).toBe(100);
    expect(reconnectDelayMs(1, 1000, () => 0.999999)).toBe(1000);
    expect(reconnectDelayMs(4, 1000, () => 0.999999)).toBe(8000);
    expect(reconnectDelayMs(40, 1000, () => 0.999999)).toBe(RECONNECT_MAX_MS);
  });

  it('spreads a fleet that drops at once over the whole window', () => {
    const random = seededRandom(5);
    const delays = Array.from({ length: 10_000 }, () => reconnectDelayMs(2, 1000, random));
    // Attempt 2 with a 1 s base waits 100..2000 ms: each quarter of that window takes about a quarter of the fleet.
    const buckets = [0, 0, 0, 0];
    for (const d of delays) buckets[Math.min(3, Math.floor(((d - 100) / 1900) * 4))]!++;
    for (const b of buckets) expect(b).toBeGreaterThan(2300);
  });
});

describe('jitterReconnects', () => {
  it('sets a new period before mqtt.js reads it at each close, backing off until a connect', () => {
    const client = new FakeMqttClient('mqtts://gw', { reconnectPeriod: 1000 } as IClientOptions);
    const seen: number[] = [];
    jitterReconnects(client as unknown as MqttClient, 1000, () => 0.999999);
    client.on('close', () => seen.push(client.options.reconnectPeriod!)); // where mqtt.js reads it
    for (let i = 0; i < 4; i++) client.emit('close');
    client.emit('connect');
    client.emit('close');
    expect(seen).toEqual([1000, 2000, 4000, 8000, 1000]);
  });

  it('leaves reconnecting off when the period is 0', () => {
    const client = new FakeMqttClient('mqtts://gw', { reconnectPeriod: 0 } as IClientOptions);
    jitterReconnects(client as unknown as MqttClient, 0);
    client.emit('close');
    expect(client.options.reconnectPeriod).toBe(0);
  });
});

describe('openSession on a busy gateway', () => {
  const base = { vin: 'W0A00000000000000', url: 'mqtts://gw', tls: { ca: '', cert: '', key: '' }, reconnectPeriodMs: 1000, onMessage: () => {}, onReconnect: () => {}, onError: () => {} };

  it('waits through connack timeouts (mqtt.js retries) and connects', async () => {
    let client: FakeMqttClient | null = null;
    const connect = (url: string, o: IClientOptions) => (client = new FakeMqttClient(url, o, new Error('connack timeout'))) as unknown as MqttClient;
    const opened = openSession({ ...base, connect });
    await new Promise((r) => setImmediate(r));
    client!.emit('error', new Error('connack timeout'));
    client!.emit('connect');
    await expect(opened).resolves.toBe(client);
  });

  it('gives up after repeated timeouts, and at once on a refusal', async () => {
    const clients: FakeMqttClient[] = [];
    const connect = (err: Error) => (url: string, o: IClientOptions) => {
      const c = new FakeMqttClient(url, o, err);
      clients.push(c);
      return c as unknown as MqttClient;
    };
    const busy = openSession({ ...base, connect: connect(new Error('connack timeout')) });
    await new Promise((r) => setImmediate(r));
    for (let i = 0; i < 5; i++) clients[0]!.emit('error', new Error('connack timeout'));
    await expect(busy).rejects.toThrow('connack timeout');
    expect(clients[0]!.ended).toEqual({ force: true });
    await expect(openSession({ ...base, connect: connect(new Error('Connection refused: Not authorized')) })).rejects.toThrow('Not authorized');
  });
});
