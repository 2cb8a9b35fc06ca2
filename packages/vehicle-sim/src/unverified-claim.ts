import { PAYLOAD_TYPES, ota } from '@ota/proto';

/**
 * What an offer whose manifest could not be trusted claims to be about. Used only to tell the gateway which
 * offer was refused; nothing in it is trusted, and it never changes what the vehicle does.
 */
export function unverifiedClaim(offerBytes: Uint8Array): { executionId: string; ecuSerials: string[] } | null {
  try {
    const offer = ota.v1.UpdateOffer.decode(offerBytes);
    if (offer.manifest?.payloadType !== PAYLOAD_TYPES.manifest || !offer.manifest.payload) return null;
    const manifest = ota.v1.UpdateManifest.decode(offer.manifest.payload);
    if (!manifest.executionId) return null;
    return { executionId: manifest.executionId, ecuSerials: manifest.targets.map((t) => t.ecuSerial ?? '') };
  } catch {
    return null;
  }
}
