import type { KeyObject } from 'node:crypto';
import type { MqttClient } from 'mqtt';
import { PAYLOAD_TYPES, ota, signToBytes, vehicleTopic, type UplinkSuffix } from '@ota/proto';
import type { VehicleState } from './preconditions.js';
import type { VirtualEcu } from './virtual-ecu.js';

export interface ReportContent {
  ecus: readonly VirtualEcu[];
  state: VehicleState;
  /** Of the newest root the vehicle adopted: the next offer carries the roots after it. */
  rootVersion: number;
  nonce: Uint8Array;
}

/**
 * Everything a vehicle sends, encoded and at the QoS proto/README.md gives each topic. Publishing never
 * throws: a failure goes to `onError`, and with no session (stopped) nothing is sent.
 */
export class Uplink {
  private reportCounter = 0;

  constructor(
    private readonly vin: string,
    private readonly reportKey: KeyObject,
    private readonly session: () => MqttClient | null,
    private readonly onError: (err: unknown) => void,
    private readonly now: () => number,
  ) {}

  /**
   * A signed version report (Uptane vehicle version manifest). The counter grows with every report and
   * never falls below the clock in ms, so a restarted simulator, which remembers nothing, still reports a
   * higher counter than before.
   */
  report(content: ReportContent): Promise<void> {
    this.reportCounter = Math.max(this.reportCounter + 1, this.now());
    const payload = ota.v1.VersionReport.encode({
      vin: this.vin,
      reportCounter: this.reportCounter,
      sentAtMs: this.now(),
      ecus: content.ecus.map((e) => e.toVersion()),
      nonce: content.nonce,
      rootVersion: content.rootVersion,
      state: content.state,
    }).finish();
    return this.publish('report', signToBytes(PAYLOAD_TYPES.report, payload, this.reportKey), 1);
  }

  chunkRequest(executionId: string, imageSha256: Uint8Array, index: number): void {
    void this.publish('chunks/req', ota.v1.ChunkRequest.encode({ executionId, index, count: 1, imageSha256 }).finish(), 1);
  }

  /** Best effort (QoS 0) and never awaited: a progress message must not hold up a download or a flash. */
  progress(executionId: string, phase: ota.v1.Phase, bytesDone: number, bytesTotal: number, ecuSerial = ''): void {
    void this.publish('progress', ota.v1.Progress.encode({ executionId, phase, bytesDone, bytesTotal, ecuSerial }).finish(), 0);
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
