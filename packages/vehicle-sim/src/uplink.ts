import type { MqttClient } from 'mqtt';
import { ota, vehicleTopic, type UplinkSuffix } from '@ota/proto';
import type { VirtualEcu } from './virtual-ecu.js';

/**
 * Everything a vehicle sends, encoded and at the QoS proto/README.md gives each topic. Publishing never
 * throws: a failure goes to `onError`, and with no session (stopped) nothing is sent.
 */
export class Uplink {
  private reportCounter = 0;

  constructor(
    private readonly vin: string,
    private readonly session: () => MqttClient | null,
    private readonly onError: (err: unknown) => void,
    private readonly now: () => number,
  ) {}

  /** Installed software per ECU; the counter grows with every report so the gateway can drop stale ones. */
  report(ecus: readonly VirtualEcu[]): Promise<void> {
    const payload = ota.v1.VersionReport.encode({
      vin: this.vin,
      reportCounter: ++this.reportCounter,
      sentAtMs: this.now(),
      ecus: ecus.map((e) => e.toVersion()),
    }).finish();
    return this.publish('report', payload, 1);
  }

  chunkRequest(executionId: string, index: number): void {
    void this.publish('chunks/req', ota.v1.ChunkRequest.encode({ executionId, index, count: 1 }).finish(), 1);
  }

  /** Best effort (QoS 0) and never awaited: a progress message must not hold up a download or a flash. */
  progress(executionId: string, phase: ota.v1.Phase, bytesDone: number, bytesTotal: number): void {
    void this.publish('progress', ota.v1.Progress.encode({ executionId, phase, bytesDone, bytesTotal }).finish(), 0);
  }

  /** An encoded InstallResult: encoded once, so a repeat is byte for byte the same. */
  result(encoded: Uint8Array): Promise<void> {
    return this.publish('result', encoded, 1);
  }

  private async publish(suffix: UplinkSuffix, payload: Uint8Array, qos: 0 | 1): Promise<void> {
    const client = this.session();
    if (!client) return;
    try {
      await client.publishAsync(vehicleTopic(this.vin, suffix), Buffer.from(payload), { qos });
    } catch (err) {
      this.onError(err);
    }
  }
}
