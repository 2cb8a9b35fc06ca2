/** How the dispatcher reaches a vehicle: the gateway implements it over MQTT. */
export interface VehicleChannel {
  /** Delivers an encoded UpdateOffer (roots and the signed manifest) to the vehicle, whichever gateway holds it. */
  sendOffer(vin: string, offer: Uint8Array): Promise<void>;
  /** Asks the vehicle to abort an execution; it answers with a result (OPERATION_CANCELLED if it could). */
  sendCancel(vin: string, executionId: string, reason: string): Promise<void>;
}
