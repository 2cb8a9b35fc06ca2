import { DOWNLINK, PAYLOAD_TYPES, UPLINK, ota, vehicleTopic, type DownlinkSuffix, type UplinkSuffix } from '@ota/proto';
import type { VehicleRecord } from '../fleet-data.js';
import { VirtualVehicle, type VirtualVehicleOptions } from '../virtual-vehicle.js';
import { fakeConnector, type FakeMqttClient, type Published } from './fake-mqtt.js';
import type { TargetSpec, TestAuthority, TestImage } from './test-authority.js';

export const NOW = 1_700_000_000_000;
export const HOUR = 3_600_000;

export async function until(condition: () => boolean, what: string, ms = 3000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 2));
  }
}

/** The gateway's end of one vehicle's fake MQTT session: what it sent, and offers and chunks to send it. */
export class FakeGateway {
  constructor(
    readonly client: FakeMqttClient,
    readonly vin: string,
    readonly authority: TestAuthority,
  ) {}

  topic(suffix: UplinkSuffix | DownlinkSuffix): string {
    return vehicleTopic(this.vin, suffix);
  }

  sent(suffix: UplinkSuffix): Published[] {
    return this.client.published.filter((p) => p.topic === this.topic(suffix));
  }

  results(): ota.v1.InstallResult[] {
    return this.sent(UPLINK.result).map((p) => ota.v1.InstallResult.decode(p.payload));
  }

  /** The signed envelopes of the version reports. */
  signedReports(): ota.v1.Signed[] {
    return this.sent(UPLINK.report).map((p) => ota.v1.Signed.decode(p.payload));
  }

  reports(): ota.v1.VersionReport[] {
    return this.signedReports().map((s) => {
      if (s.payloadType !== PAYLOAD_TYPES.report) throw new Error(`report of type ${s.payloadType}`);
      return ota.v1.VersionReport.decode(s.payload);
    });
  }

  requests(): ota.v1.ChunkRequest[] {
    return this.sent(UPLINK.chunkRequest).map((p) => ota.v1.ChunkRequest.decode(p.payload));
  }

  /** The nonce of the latest version report, as a correct gateway echoes it. */
  nonce(): Uint8Array {
    const last = this.reports().at(-1);
    if (!last) throw new Error('no report yet');
    return last.nonce;
  }

  /** An offer for this vehicle: fresh nonce, unexpired, the targets given. */
  offer(targets: TargetSpec[], manifest: ota.v1.IUpdateManifest = {}, opts: Parameters<TestAuthority['offer']>[1] = {}): Uint8Array {
    return this.authority.offer(
      {
        executionId: 'exec-1',
        vin: this.vin,
        expiresAtMs: NOW + HOUR,
        updateName: 'test update',
        nonce: this.nonce(),
        targets: targets.map((t) => this.authority.target(t)),
        ...manifest,
      },
      opts,
    );
  }

  send(offer: Uint8Array): void {
    this.client.deliver(this.topic(DOWNLINK.update), offer);
  }

  /** Sends a chunk of `image` as the gateway does, naming its image only; or naming an execution too. */
  chunk(image: TestImage, index: number, data: Buffer = image.chunks[index]!, executionId = ''): void {
    const chunk = ota.v1.Chunk.encode({ executionId, index, offset: index * image.chunkSize, data, imageSha256: image.sha256 }).finish();
    this.client.deliver(this.topic(DOWNLINK.chunk), chunk);
  }

  /** Answers every ChunkRequest a moment later with the chunk of the image it names. */
  serve(images: TestImage[], tamper?: (image: TestImage, index: number, data: Buffer) => Buffer): { delivered: number } {
    const served = { delivered: 0 };
    this.client.onPublish = (message: Published) => {
      if (message.topic !== this.topic(UPLINK.chunkRequest)) return;
      const req = ota.v1.ChunkRequest.decode(message.payload);
      const image = images.find((i) => i.sha256.equals(req.imageSha256)) ?? images[0]!;
      const data = Buffer.from(image.chunks[req.index]!);
      setImmediate(() => {
        served.delivered++;
        this.chunk(image, req.index, tamper ? tamper(image, req.index, data) : data);
      });
    };
    return served;
  }
}

/** Starts vehicles on fake connections, trusting the authority's root, and stops them all at the end. */
export class VehicleBench {
  private readonly running: VirtualVehicle[] = [];

  constructor(
    readonly record: VehicleRecord,
    readonly authority: TestAuthority,
  ) {}

  async start(over: Partial<VirtualVehicleOptions> = {}): Promise<{ vehicle: VirtualVehicle; gateway: FakeGateway }> {
    const connector = fakeConnector();
    const vehicle = new VirtualVehicle({
      record: this.record,
      gatewayUrl: 'mqtts://gateway.test:8883',
      tls: { ca: 'CA', cert: 'CERT', key: 'KEY' },
      trustRoot: this.authority.trustRoot,
      timeScale: 0,
      now: () => NOW,
      connect: connector.connect,
      ...over,
    });
    this.running.push(vehicle);
    await vehicle.start();
    return { vehicle, gateway: new FakeGateway(connector.clients[0]!, vehicle.vin, this.authority) };
  }

  async stopAll(): Promise<void> {
    await Promise.all(this.running.splice(0).map((v) => v.stop()));
  }
}
