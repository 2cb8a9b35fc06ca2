import { ota } from '@ota/proto';
import type { FlashFault } from './faults.js';
import type { VirtualEcu } from './virtual-ecu.js';

const C = ota.v1.ResultCode;

/** One ECU to flash, with what the signed release entry says it will run afterwards. */
export interface FlashItem {
  ecu: VirtualEcu;
  version: string;
  releaseCounter: number;
  imageSize: number;
}

export interface BundleInstallStep {
  /** In install order. */
  items: readonly FlashItem[];
  timeScale: number;
  /** The injected fault, if any, for the i-th ECU of the order. */
  faultAt: (index: number) => FlashFault | null;
  /** An ECU starts flashing: the vehicle reports progress. */
  enter: (ecuSerial: string, imageSize: number) => void;
  /** False once the vehicle was stopped or the execution ended while a flash ran. */
  stillWanted: () => boolean;
}

export type BundleOutcome = { code: ota.v1.ResultCode; description: string; ecus: ota.v1.IEcuResult[] } | { abandoned: true };
type EcuOutcome = { code: ota.v1.ResultCode; description: string };

const codeName = (code: ota.v1.ResultCode) => ota.v1.ResultCode[code] ?? String(code);

/**
 * Flashes the ECUs of a verified manifest in install order. If one fails, the ones flashed before it switch
 * back to their previous bank, so the vehicle does not run a half-applied bundle (Uptane partial-bundle
 * installation). A single-bank ECU cannot switch back: one flashed before the failure stays on its new
 * version (its result says OK), which is why bundles should be made of A/B ECUs.
 */
export async function installBundle(step: BundleInstallStep): Promise<BundleOutcome> {
  const flashed: FlashItem[] = [];
  for (const [i, item] of step.items.entries()) {
    step.enter(item.ecu.serial, item.imageSize);
    const outcome = await flashEcu(item, step.faultAt(i), step);
    if ('abandoned' in outcome) return outcome;
    if (outcome.code !== C.OK) return failed(step.items, flashed, item, outcome);
    flashed.push(item);
  }
  const ecus = step.items.map((x) => ecuResult(x.ecu, C.OK, `flashed ${x.version}`));
  return { code: C.OK, description: step.items.map((x) => `${x.ecu.serial} ${x.version}`).join(', '), ecus };
}

function failed(items: readonly FlashItem[], flashed: readonly FlashItem[], failure: FlashItem, outcome: EcuOutcome): BundleOutcome {
  const partners = new Map<FlashItem, ota.v1.IEcuResult>();
  for (const item of [...flashed].reverse()) {
    const back = item.ecu.rollBack();
    partners.set(
      item,
      back
        ? ecuResult(item.ecu, C.ROLLED_BACK, `rolled back because ${failure.ecu.serial} failed`)
        : ecuResult(item.ecu, C.OK, `single bank: cannot roll back, stays on ${item.version} although ${failure.ecu.serial} failed`),
    );
  }
  const ecus = items.map(
    (item) =>
      partners.get(item) ??
      (item === failure ? ecuResult(item.ecu, outcome.code, outcome.description) : ecuResult(item.ecu, C.NOT_ATTEMPTED, `not flashed: ${failure.ecu.serial} failed first`)),
  );
  if (items.length === 1) return { ...outcome, ecus };
  const description = `${failure.ecu.serial} failed (${codeName(outcome.code)}: ${outcome.description}); ${flashed.length} flashed before it, ${items.length - flashed.length - 1} not attempted`;
  return { code: C.PARTIAL_BUNDLE, description, ecus };
}

function ecuResult(ecu: VirtualEcu, code: ota.v1.ResultCode, description: string): ota.v1.IEcuResult {
  return { ecuSerial: ecu.serial, code, description, softwareVersion: ecu.softwareVersion };
}

/** The simulated UDS reflash of one ECU: write, then boot the new image (reference section 6). */
async function flashEcu(item: FlashItem, fault: FlashFault | null, step: BundleInstallStep): Promise<EcuOutcome | { abandoned: true }> {
  const { ecu } = item;
  // Both are found before anything is erased or written (no session; the voltage check of the routine).
  if (fault === 'ecu-not-responding') return { code: C.ECU_NOT_RESPONDING, description: 'no answer to the programming session request (injected)' };
  if (fault === 'low-battery') return { code: C.LOW_BATTERY, description: 'battery below the flashing threshold (injected)' };
  await new Promise((resolve) => setTimeout(resolve, ecu.flashDurationMs(item.imageSize, step.timeScale)));
  if (!step.stillWanted()) return { abandoned: true };
  if (fault === 'power-loss' || fault === 'install-failure') {
    ecu.write(null); // a half-written bank holds no valid image
    const what = fault === 'power-loss' ? 'power lost while programming (injected)' : 'flash verification failed (injected)';
    const after = ecu.dualBank ? 'the old bank is kept' : 'single bank: no valid application until it is flashed again';
    return { code: fault === 'power-loss' ? C.POWER_LOSS : C.INSTALL_FAILED, description: `${what}; ${after}` };
  }
  ecu.write({ version: item.version, releaseCounter: item.releaseCounter });
  ecu.activate();
  if (fault === 'boot-failure') {
    if (ecu.rollBack()) return { code: C.ROLLED_BACK, description: `${item.version} failed to boot (injected); switched back to bank ${ecu.activeBank}` };
    ecu.write(null);
    return { code: C.INSTALL_FAILED, description: `${item.version} failed to boot (injected); single bank: no valid application until it is flashed again` };
  }
  return { code: C.OK, description: `flashed ${item.version}` };
}
