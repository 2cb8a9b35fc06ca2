import { ota } from '@ota/proto';
import type { BusName, EcuRecord } from './fleet-data.js';
import { flashDurationMs, type FlashTiming } from './flash-model.js';

const BUS_CODES: Readonly<Record<BusName, ota.v1.Bus>> = {
  CAN: ota.v1.Bus.CAN,
  CAN_FD: ota.v1.Bus.CAN_FD,
  LIN: ota.v1.Bus.LIN,
  ETHERNET: ota.v1.Bus.ETHERNET,
};

/** An application image in one flash bank; null when the bank holds nothing valid. */
export interface BankImage {
  version: string;
  releaseCounter: number;
}

export type Bank = 'A' | 'B';

/**
 * One ECU of a virtual vehicle: its manufacturing record, its flash banks, and how long a reflash takes on
 * its bus. A dual-bank (A/B) ECU writes the inactive bank and switches at reboot, so a known-good image
 * always exists; a single-bank ECU erases and writes in place, so an interrupted write leaves it in its
 * bootloader with no valid application until it is flashed again (reference section 6).
 */
export class VirtualEcu implements EcuRecord {
  readonly module: string;
  readonly serial: string;
  readonly hardwareId: string;
  readonly bus: BusName;
  readonly calibration: string;
  readonly dualBank: boolean;
  /** Release counter of the last image that ran; a single-bank ECU keeps it through a failed write. */
  private installedCounter: number;
  private readonly banks: Record<Bank, BankImage | null>;
  private active: Bank = 'A';
  /** The bank booted before the last switch: a bundle partner's failure may send the ECU back to it. */
  private previous: Bank | null = null;
  /** This ECU's own programming timings (a fleet file's `flash`); private, so the ECU still serialises as its record. */
  readonly #timing: FlashTiming;

  constructor(record: EcuRecord & { flash?: FlashTiming | undefined }) {
    this.module = record.module;
    this.serial = record.serial;
    this.hardwareId = record.hardwareId;
    this.bus = record.bus;
    this.calibration = record.calibration;
    this.dualBank = record.dualBank ?? true;
    this.installedCounter = record.releaseCounter ?? 0;
    this.banks = { A: { version: record.softwareVersion, releaseCounter: this.installedCounter }, B: null };
    this.#timing = record.flash ?? {};
  }

  /** The version it runs; empty when a single-bank ECU was left without a valid application. */
  get softwareVersion(): string {
    return this.banks[this.active]?.version ?? '';
  }

  get releaseCounter(): number {
    return this.banks[this.active]?.releaseCounter ?? this.installedCounter;
  }

  /** "A" or "B" on a dual-bank ECU, empty on a single-bank one (the VersionReport convention). */
  get activeBank(): Bank | '' {
    return this.dualBank ? this.active : '';
  }

  /** Writes an image: into the inactive bank (A/B), or over the only one (single bank). Nothing boots it yet. */
  write(image: BankImage | null): void {
    if (this.dualBank) this.banks[this.inactive] = image;
    else this.banks.A = image;
  }

  /** Boots what was written: an A/B ECU switches banks and remembers the one it left. */
  activate(): void {
    if (this.dualBank) {
      this.previous = this.active;
      this.active = this.inactive;
    }
    this.installedCounter = this.releaseCounter;
  }

  /**
   * Switches back to the bank booted before the last activation. Only an A/B ECU can; a single-bank ECU
   * has nothing to go back to and keeps what it runs (false).
   */
  rollBack(): boolean {
    if (!this.dualBank || this.previous === null || !this.banks[this.previous]) return false;
    this.active = this.previous;
    this.previous = null;
    this.installedCounter = this.releaseCounter;
    return true;
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
      releaseCounter: this.releaseCounter,
      activeBank: this.activeBank,
    };
  }

  /** The ECU as manufacturing data would now describe it (what it runs, not what it shipped with). */
  toRecord(): EcuRecord {
    const { module, serial, hardwareId, bus, softwareVersion, calibration, dualBank, releaseCounter } = this;
    return { module, serial, hardwareId, bus, softwareVersion, calibration, dualBank, releaseCounter };
  }

  private get inactive(): Bank {
    return this.active === 'A' ? 'B' : 'A';
  }
}
