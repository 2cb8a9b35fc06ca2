import { ota } from '@ota/proto';
import type { ChunkAssembler } from './chunk-assembler.js';
import type { FaultPlan } from './faults.js';
import type { VirtualEcu } from './virtual-ecu.js';

export interface InstallStep {
  assembler: ChunkAssembler;
  ecu: VirtualEcu;
  version: string;
  attempt: number;
  timeScale: number;
  faults: FaultPlan;
  /** Entering a phase: the vehicle updates its state and reports progress. */
  enter: (phase: ota.v1.Phase.VERIFYING | ota.v1.Phase.INSTALLING, bytes: number) => void;
  /** False once the vehicle was stopped or the execution ended while the flash ran. */
  stillWanted: () => boolean;
}

export type InstallOutcome = { code: ota.v1.ResultCode; description: string } | { abandoned: true };

/**
 * The end of a download: the whole image checked against the signed digest and length, then the simulated
 * reflash. Only a successful flash changes the ECU's software version.
 */
export async function verifyAndFlash(step: InstallStep): Promise<InstallOutcome> {
  step.enter(ota.v1.Phase.VERIFYING, step.assembler.bytes);
  const image = step.assembler.finish();
  // The simulated flash needs only the length: free the image now rather than hold it through a long flash.
  step.assembler.release();
  if (!image.ok) return image;
  step.enter(ota.v1.Phase.INSTALLING, image.bytes);
  await new Promise((resolve) => setTimeout(resolve, step.ecu.flashDurationMs(image.bytes, step.timeScale)));
  if (!step.stillWanted()) return { abandoned: true };
  const failure = step.faults.flashFailure(step.attempt);
  if (failure) return failure;
  step.ecu.softwareVersion = step.version;
  return { code: ota.v1.ResultCode.OK, description: `flashed ${step.version}` };
}
