import { DOWNLINK, UPLINK, parseVehicleTopic } from '@ota/proto';

/**
 * Who may do what on the broker. This file is the only place that decides it; the aedes hooks in broker.ts
 * only ask. The identity is the VIN in the client certificate's CN, checked by TLS against the fleet CA.
 */

// Same alphabet as the VIN check in the database: ISO 3779 without I, O and Q.
const VIN = /^[A-HJ-NPR-Z0-9]{17}$/;

export type ConnectVerdict = { ok: true; vin: string } | { ok: false; reason: string };

/** A vehicle connects as itself: certificate CN is a VIN and the MQTT client id repeats it. */
export function decideConnect(certCommonName: string | undefined, clientId: string): ConnectVerdict {
  if (!certCommonName) return { ok: false, reason: 'no client certificate' };
  if (!VIN.test(certCommonName)) return { ok: false, reason: 'certificate CN is not a VIN' };
  if (clientId !== certCommonName) return { ok: false, reason: 'client id does not match the certificate' };
  return { ok: true, vin: certCommonName };
}

const uplinks: ReadonlySet<string> = new Set(Object.values(UPLINK));
const downlinks: ReadonlySet<string> = new Set(Object.values(DOWNLINK));

/** Publish only to an uplink topic under one's own VIN (AWS IoT's `${iot:Connection.Thing.ThingName}` rule). */
export function mayPublish(vin: string, topic: string): boolean {
  const t = parseVehicleTopic(topic);
  return t !== null && t.vin === vin && uplinks.has(t.suffix);
}

/**
 * Whether a topic can have subscribers: a vehicle's uplinks cannot (maySubscribe allows only downlinks; the
 * gateway reads uplinks from the broker's hook); downlinks and the broker's own ($SYS) topics can.
 */
export function hasSubscribers(topic: string): boolean {
  return parseVehicleTopic(topic)?.direction !== 'uplink';
}

/** Subscribe only to an exact downlink topic under one's own VIN: no wildcards, no other vehicle. */
export function maySubscribe(vin: string, topic: string): boolean {
  const t = parseVehicleTopic(topic);
  return t !== null && t.vin === vin && downlinks.has(t.suffix);
}
