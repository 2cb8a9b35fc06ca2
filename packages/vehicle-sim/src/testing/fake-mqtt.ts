import { EventEmitter } from 'node:events';
import type { IClientOptions, MqttClient } from 'mqtt';

export interface Published {
  topic: string;
  payload: Buffer;
  qos: number;
}

/**
 * Just enough of an mqtt.js client to play the broker in unit tests: it records what the vehicle publishes
 * and subscribes to, delivers what the test sends, and drops and restores the link the way mqtt.js's auto
 * reconnect does. End-to-end tests over real mutual TLS live in /test.
 */
export class FakeMqttClient extends EventEmitter {
  connected = false;
  ended: { force: boolean } | null = null;
  readonly published: Published[] = [];
  readonly subscriptions: { topic: string; qos: number }[] = [];
  /** Called for every publish, after it is recorded: the test's gateway answers from here. */
  onPublish: (message: Published) => void = () => {};
  readonly stream = { destroy: () => this.drop() };

  constructor(
    readonly url: string,
    readonly options: IClientOptions,
    refuseWith?: Error,
  ) {
    super();
    setImmediate(() => {
      if (refuseWith) return void this.emit('error', refuseWith);
      this.connected = true;
      this.emit('connect');
    });
  }

  async subscribeAsync(topics: string[], opts: { qos: number }): Promise<{ topic: string; qos: number }[]> {
    const grants = topics.map((topic) => ({ topic, qos: opts.qos }));
    this.subscriptions.push(...grants);
    return grants;
  }

  async publishAsync(topic: string, payload: Buffer, opts: { qos: number }): Promise<void> {
    if (this.ended) throw new Error('client ended');
    const message = { topic, payload: Buffer.from(payload), qos: opts.qos };
    this.published.push(message);
    this.onPublish(message);
  }

  async endAsync(force?: boolean): Promise<void> {
    this.ended = { force: force ?? false };
    this.connected = false;
  }

  /** The gateway sends a message to the vehicle. */
  deliver(topic: string, payload: Uint8Array): void {
    this.emit('message', topic, Buffer.from(payload));
  }

  /** The link drops; like mqtt.js, the client reconnects on its own a moment later. */
  private drop(): void {
    this.connected = false;
    this.emit('close');
    setTimeout(() => {
      if (this.ended) return;
      this.connected = true;
      this.emit('connect');
    }, 5);
  }
}

/** A `connect` option for VirtualVehicle that hands out fake clients and keeps them for the test. */
export function fakeConnector(refuseWith?: Error) {
  const clients: FakeMqttClient[] = [];
  const connect = (url: string, options: IClientOptions): MqttClient => {
    const client = new FakeMqttClient(url, options, refuseWith);
    clients.push(client);
    return client as unknown as MqttClient;
  };
  return { clients, connect };
}
