import { ota } from '@ota/proto';
import type { BusName, EcuRecord } from './fleet-data.js';
import { flashDurationMs, type FlashTiming } from './flash-model.js';

const BUS_CODES: Readonly<Record<BusName, ota.v1.Bus>> = {
  CAN: ota.v1.Bus.CAN,
  CAN_FD: ota.v1.Bus.CAN_FD,
  LIN: ota.v1.Bus.LIN,
  ETHERNET: ota.v1.Bus.ETHERNET,
};

/**
 * One ECU of a virtual vehicle: its manufacturing record, the software it runs now, and how long a reflash
 * takes on its bus. Only a successful install changes `softwareVersion`.
 */
export class VirtualEcu implements EcuRecord {
  readonly module: string;
  readonly serial: string;
  readonly hardwareId: string;
  readonly bus: BusName;
  readonly calibration: string;
  softwareVersion: string;
  /** This ECU's own programming timings (a fleet file's `flash`); private, so the ECU still serialises as its record. */
  readonly #timing: FlashTiming;

  constructor(record: EcuRecord & { flash?: FlashTiming | undefined }) {
    this.module = record.module;
    this.serial = record.serial;
    this.hardwareId = record.hardwareId;
    this.bus = record.bus;
    this.calibration = record.calibration;
    this.softwareVersion = record.softwareVersion;
    this.#timing = record.flash ?? {};
  }

  /** Simulated UDS reflash time of an image on this ECU's bus; `timeScale` 1 is real time. */
  flashDurationMs(imageBytes: number, timeScale: number): number {
    return flashDurationMs(this.bus, imageBytes, timeScale, this.#timing);
  }

  /** The ECU as a VersionReport lists it. */
  toVersion(): ota.v1.IEcuVersion {
    return {
      module: this.module,
      serial: this.serial,
      hardwareId: this.hardwareId,
      bus: BUS_CODES[this.bus],
      softwareVersion: this.softwareVersion,
      calibration: this.calibration,
    };
  }
}
