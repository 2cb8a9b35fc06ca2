import type { ExecutionTarget } from '../db/execution-repo.js';

/** What an offer is for: the execution and the ECUs it flashes, with their images. */
export interface OfferedExecution {
  executionId: string;
  targets: readonly ExecutionTarget[];
}

/** How the dispatcher reaches a vehicle: the gateway implements it over MQTT. */
export interface VehicleChannel {
  /**
   * Delivers an encoded UpdateOffer (roots and the signed manifest) to the vehicle, whichever gateway holds
   * it. `offered` says what it offers, so that a gateway can serve the downloads that follow without looking
   * the execution up again.
   */
  sendOffer(vin: string, offer: Uint8Array, offered?: OfferedExecution): Promise<void>;
  /** Asks the vehicle to abort an execution; it answers with a result (OPERATION_CANCELLED if it could). */
  sendCancel(vin: string, executionId: string, reason: string): Promise<void>;
}
