import { MANIFEST_PAYLOAD_TYPE, ota } from '@ota/proto';

/**
 * What an offer whose signature failed claims to be about. Used only to tell the gateway which offer was
 * refused; nothing in it is trusted, and it never changes what the vehicle does.
 */
export function unverifiedClaim(envelopeBytes: Uint8Array): { executionId: string; ecuSerial: string } | null {
  try {
    const envelope = ota.v1.Signed.decode(envelopeBytes);
    if (envelope.payloadType !== MANIFEST_PAYLOAD_TYPE) return null;
    const manifest = ota.v1.UpdateManifest.decode(envelope.payload);
    if (!manifest.executionId) return null;
    return { executionId: manifest.executionId, ecuSerial: manifest.target?.ecuSerial ?? '' };
  } catch {
    return null;
  }
}
